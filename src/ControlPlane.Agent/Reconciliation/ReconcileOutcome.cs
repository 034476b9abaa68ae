namespace ControlPlane.Agent.Reconciliation;

internal enum ReconcileOutcome
{
    /// <summary>The VM matches its desired state as far as can be seen.</summary>
    Done,

    /// <summary>Progressing (e.g. a guest going down); look again after the delay.</summary>
    RequeueAfter,

    /// <summary>Failed in a way a retry may fix; retried with per-VM exponential backoff.</summary>
    Transient,

    /// <summary>Failed in a way retrying cannot fix; not retried until the desired generation changes.</summary>
    Terminal,
}
