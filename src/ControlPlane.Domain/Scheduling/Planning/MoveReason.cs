namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>Why a move is in a plan.</summary>
public enum MoveReason
{
    /// <summary>Takes CPU load off a host above the threshold.</summary>
    Hotspot,
    /// <summary>Frees memory on a host so another move or a placement can land there.</summary>
    MakeRoom,
    /// <summary>Brings a VM onto a host its VM-host affinity policy allows.</summary>
    HostAffinity,
    /// <summary>Separates VMs of an anti-affinity policy.</summary>
    AntiAffinity,
    /// <summary>Brings VMs of an affinity policy together.</summary>
    Affinity,
    /// <summary>Restarts a VM of a failed host elsewhere.</summary>
    HaRestart,
}
