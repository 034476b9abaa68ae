namespace ControlPlane.Agent.Hypervisor;

/// <summary>
/// Thrown when a VM's spec can never run on this host as it stands (too big, an unknown CPU model, a
/// missing image): retrying cannot help, so the reconciler reports it and waits for a new desired state.
/// Any other exception from a driver counts as transient and is retried with backoff.
/// </summary>
internal sealed class VmSpecException(string message) : Exception(message);
