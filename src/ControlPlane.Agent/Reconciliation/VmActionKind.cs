namespace ControlPlane.Agent.Reconciliation;

/// <summary>The steps a reconcile can take on one VM, each applied idempotently.</summary>
internal enum VmActionKind
{
    /// <summary>Create the VM's resources (idempotent; also run before every start).</summary>
    Define,

    /// <summary>Make every desired NIC's switch port exist.</summary>
    EnsureNicPorts,
    Start,

    /// <summary>Hard power-off.</summary>
    Stop,

    /// <summary>ACPI power button; stopped hard once the graceful timeout passes.</summary>
    Powerdown,
    Reset,

    /// <summary>ACPI power button for a reboot; the VM starts again once it has stopped.</summary>
    Reboot,
    Pause,
    Resume,
    AttachNic,
    DetachNic,
    AttachDisk,
    DetachDisk,
    Undefine,

    /// <summary>Record the desired reset and reboot counters as carried out, without touching the VM.</summary>
    AcknowledgeCounters,

    /// <summary>Nothing to do now: the VM is on its way down; look again shortly.</summary>
    AwaitPowerdown,
}
