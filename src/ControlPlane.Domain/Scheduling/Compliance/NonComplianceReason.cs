namespace ControlPlane.Domain.Scheduling.Compliance;

/// <summary>Why a VM breaks a policy (after AHV's compliance reasons).</summary>
public enum NonComplianceReason
{
    /// <summary>Too few eligible hosts exist at all (e.g. an anti-affinity group larger than the hosts it may use).</summary>
    NotEnoughHosts,
    /// <summary>Hosts exist, but none that would comply has room.</summary>
    NotEnoughResources,
    /// <summary>Another policy on the same VM makes this one impossible.</summary>
    ConflictingPolicy,
    /// <summary>A compliant host has room: enforcement has not moved the VM yet.</summary>
    PendingEnforcement,
    /// <summary>The VM's host is not CONNECTED.</summary>
    HostUnavailable,
}
