namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>For every vGPU profile the VM asks for, the host has that many of the profile still free.</summary>
public sealed class GpuFilter : IHostFilter
{
    public string Name => nameof(GpuFilter);

    public bool Accepts(HostLoad host, PlacementContext context) => Missing(host, context) is null;

    public string Explain(HostLoad host, PlacementContext context) => $"no free vGPU of profile {Missing(host, context)}";

    private static string? Missing(HostLoad host, PlacementContext context)
    {
        var gpus = context.Request.Gpus;
        if (gpus is null || gpus.Count == 0)
        {
            return null;
        }
        foreach (var profile in gpus.Distinct(StringComparer.Ordinal))
        {
            var wanted = gpus.Count(g => g == profile);
            var total = host.Host.Gpus is not null && host.Host.Gpus.TryGetValue(profile, out var n) ? n : 0;
            if (host.GpusUsed(profile) + wanted > total)
            {
                return profile;
            }
        }
        return null;
    }
}
