namespace ControlPlane.Agent.Reconciliation;

/// <summary>Asks the reconcile loop to enqueue every VM now (a new desired state arrived).</summary>
internal sealed class ResyncTrigger : Pulse;
