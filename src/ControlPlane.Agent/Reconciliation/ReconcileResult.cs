namespace ControlPlane.Agent.Reconciliation;

internal sealed record ReconcileResult(ReconcileOutcome Outcome, TimeSpan Delay, string? Error)
{
    public static readonly ReconcileResult Done = new(ReconcileOutcome.Done, TimeSpan.Zero, null);

    public static ReconcileResult RequeueAfter(TimeSpan delay) => new(ReconcileOutcome.RequeueAfter, delay, null);

    public static ReconcileResult Transient(string error) => new(ReconcileOutcome.Transient, TimeSpan.Zero, error);

    public static ReconcileResult Terminal(string error) => new(ReconcileOutcome.Terminal, TimeSpan.Zero, error);
}
