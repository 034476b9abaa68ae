using ControlPlane.Contracts;

namespace ControlPlane.Agent.Network;

/// <summary>The <c>none</c> network driver: no switch at all; a NIC's tap name is still derived from its id.</summary>
internal sealed class NoopNetworkDriver : INetworkDriver
{
    public const string DriverName = "none";

    public string Name => DriverName;

    public Task EnsureHostAsync(HostNetworkSpec spec, CancellationToken ct) => Task.CompletedTask;

    public Task<string> EnsureVmPortAsync(Guid vmId, DesiredNic nic, CancellationToken ct) =>
        Task.FromResult(TapNames.For(nic.Id));

    public Task RemoveVmPortAsync(Guid vmId, Guid nicId, CancellationToken ct) => Task.CompletedTask;

    public Task PruneAsync(IReadOnlySet<Guid> desiredNicIds, CancellationToken ct) => Task.CompletedTask;
}
