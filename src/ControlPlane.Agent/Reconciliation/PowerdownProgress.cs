namespace ControlPlane.Agent.Reconciliation;

/// <summary>Where a graceful power-off of a VM stands.</summary>
internal enum PowerdownProgress
{
    NotRequested,

    /// <summary>The power button was pressed and the guest still has time to go down.</summary>
    Pending,

    /// <summary>The power button was pressed and the guest ignored it for too long.</summary>
    Expired,
}
