using System.Collections.Concurrent;
using ControlPlane.Agent.Network;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Fakes;

/// <summary>A switch that only remembers which host spec it was given and which VM ports exist.</summary>
internal sealed class FakeNetworkDriver : INetworkDriver
{
    private readonly ConcurrentDictionary<Guid, Guid> _ports = new();

    public string Name => "fake";

    public HostNetworkSpec? Host { get; private set; }

    public int HostApplications { get; private set; }

    /// <summary>NIC id to the VM id its port belongs to.</summary>
    public IReadOnlyDictionary<Guid, Guid> Ports => _ports;

    public Task EnsureHostAsync(HostNetworkSpec spec, CancellationToken ct)
    {
        Host = spec;
        HostApplications++;
        return Task.CompletedTask;
    }

    public Task<string> EnsureVmPortAsync(Guid vmId, DesiredNic nic, CancellationToken ct)
    {
        _ports[nic.Id] = vmId;
        return Task.FromResult(TapNames.For(nic.Id));
    }

    public Task RemoveVmPortAsync(Guid vmId, Guid nicId, CancellationToken ct)
    {
        _ports.TryRemove(nicId, out _);
        return Task.CompletedTask;
    }

    public Task PruneAsync(IReadOnlySet<Guid> desiredNicIds, CancellationToken ct)
    {
        foreach (var nicId in _ports.Keys.Where(id => !desiredNicIds.Contains(id)))
        {
            _ports.TryRemove(nicId, out _);
        }
        return Task.CompletedTask;
    }
}
