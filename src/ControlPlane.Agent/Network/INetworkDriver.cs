using ControlPlane.Contracts;

namespace ControlPlane.Agent.Network;

/// <summary>
/// The host's virtual switch. <see cref="EnsureHostAsync"/> makes the bridge and uplink bond match the
/// spec; <see cref="EnsureVmPortAsync"/> makes a NIC's port exist with its VLAN settings and returns the
/// name of the tap device the hypervisor attaches the NIC to. All calls are idempotent.
/// </summary>
internal interface INetworkDriver
{
    string Name { get; }
    Task EnsureHostAsync(HostNetworkSpec spec, CancellationToken ct);
    Task<string> EnsureVmPortAsync(Guid vmId, DesiredNic nic, CancellationToken ct);
    Task RemoveVmPortAsync(Guid vmId, Guid nicId, CancellationToken ct);

    /// <summary>Removes the ports of NICs no longer desired.</summary>
    Task PruneAsync(IReadOnlySet<Guid> desiredNicIds, CancellationToken ct);
}
