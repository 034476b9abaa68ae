namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>No two VMs of a MUST anti-affinity policy share a host.</summary>
public sealed class AntiAffinityMustFilter : IHostFilter
{
    public string Name => nameof(AntiAffinityMustFilter);

    public bool Accepts(HostLoad host, PlacementContext context) => Violated(host, context) is null;

    public string Explain(HostLoad host, PlacementContext context) =>
        $"already runs a VM of MUST anti-affinity policy {Violated(host, context)}";

    private static string? Violated(HostLoad host, PlacementContext context)
    {
        foreach (var id in context.AntiAffinityMust)
        {
            if (host.Members(id) > 0)
            {
                return id;
            }
        }
        return null;
    }
}
