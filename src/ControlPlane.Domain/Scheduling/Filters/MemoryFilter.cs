namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>The VM's reserved memory fits in what the host has not yet reserved.</summary>
public sealed class MemoryFilter : IHostFilter
{
    public string Name => nameof(MemoryFilter);

    public string? Reject(HostLoad host, PlacementRequest request, ClusterSnapshot snapshot) =>
        request.MemoryReservedMiB > host.FreeMemoryMiB
            ? $"{host.FreeMemoryMiB} MiB free, {request.MemoryReservedMiB} MiB needed"
            : null;
}
