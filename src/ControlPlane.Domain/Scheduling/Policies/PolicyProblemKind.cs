namespace ControlPlane.Domain.Scheduling.Policies;

public enum PolicyProblemKind
{
    /// <summary>Two policies share an id.</summary>
    DuplicateId,
    /// <summary>A policy selects by no category at all.</summary>
    EmptySelector,
    /// <summary>A MUST affinity and a MUST anti-affinity can select the same VMs.</summary>
    AffinityAntiAffinityConflict,
    /// <summary>A VM matched by two host-affinity policies could run on no host at all.</summary>
    DisjointHostAffinity,
}
