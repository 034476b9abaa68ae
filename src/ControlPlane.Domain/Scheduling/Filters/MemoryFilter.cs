namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>The VM's reserved memory (less than its size when overcommitted) fits in what the host has not reserved.</summary>
public sealed class MemoryFilter : IHostFilter
{
    public string Name => nameof(MemoryFilter);

    public bool Accepts(HostLoad host, PlacementContext context) => context.Request.MemoryReservedMiB <= host.FreeMemoryMiB;

    public string Explain(HostLoad host, PlacementContext context) =>
        $"{host.FreeMemoryMiB} MiB free, {context.Request.MemoryReservedMiB} MiB needed";
}
