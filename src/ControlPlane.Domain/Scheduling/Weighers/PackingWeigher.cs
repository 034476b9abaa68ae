namespace ControlPlane.Domain.Scheduling.Weighers;

/// <summary>Prefers the host with the least memory left after placing the VM (packs densely; best fit).</summary>
public sealed class PackingWeigher : IHostWeigher
{
    public string Name => nameof(PackingWeigher);

    public double Score(HostLoad host, PlacementContext context) => -(host.FreeMemoryMiB - context.Request.MemoryReservedMiB);
}
