namespace ControlPlane.Agent.Reconciliation;

/// <summary>Why a VM could not be brought to its desired state, and at which desired generation.</summary>
internal sealed record VmError(string Message, bool Terminal, long Generation);
