using ControlPlane.Agent.Network;
using ControlPlane.Agent.State;

namespace ControlPlane.Agent.Reconciliation;

/// <summary>
/// Applies the desired host network (bridge, bond) once per desired generation, before the first VM port
/// is made and whenever a new generation arrives, and then prunes the ports of NICs no desired VM has
/// (left behind, say, by a VM removed while the agent was down).
/// </summary>
internal sealed class HostNetworkSync(DesiredStateStore store, INetworkDriver network) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (Guid HostId, long Generation)? _applied;

    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        var desired = store.Current;
        if (desired is null)
        {
            return;
        }
        await _lock.WaitAsync(ct);
        try
        {
            if (_applied == (desired.HostId, desired.Generation))
            {
                return;
            }
            await network.EnsureHostAsync(desired.Network, ct);
            await network.PruneAsync(desired.Vms.SelectMany(vm => vm.Nics).Select(nic => nic.Id).ToHashSet(), ct);
            _applied = (desired.HostId, desired.Generation);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
