using System.Collections.Concurrent;

namespace ControlPlane.Agent.Reconciliation;

/// <summary>The last reconcile error of each VM, reported as its <c>LastError</c> until a reconcile succeeds.</summary>
internal sealed class VmErrors
{
    private readonly ConcurrentDictionary<Guid, VmError> _errors = new();

    public VmError? Get(Guid vmId) => _errors.GetValueOrDefault(vmId);

    /// <summary>Records an error; returns whether the reported error changed.</summary>
    public bool Record(Guid vmId, VmError error)
    {
        var previous = _errors.GetValueOrDefault(vmId);
        _errors[vmId] = error;
        return previous?.Message != error.Message;
    }

    /// <summary>Clears a VM's error; returns whether it had one.</summary>
    public bool Clear(Guid vmId) => _errors.TryRemove(vmId, out _);

    /// <summary>Whether the VM failed terminally at this desired generation, so retrying is pointless.</summary>
    public bool IsTerminalAt(Guid vmId, long generation) =>
        _errors.TryGetValue(vmId, out var error) && error.Terminal && error.Generation == generation;
}
