namespace ControlPlane.Domain.Scheduling.Weighers;

/// <summary>Prefers the host with the most memory left after placing the VM (spreads load).</summary>
public sealed class FreeMemoryWeigher : IHostWeigher
{
    public string Name => nameof(FreeMemoryWeigher);

    public double Score(HostLoad host, PlacementContext context) => host.FreeMemoryMiB - context.Request.MemoryReservedMiB;
}
