using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling;

/// <summary>
/// Everything the scheduler decides from: hosts, the VMs placed on them, settings and policies.
/// Plain immutable inputs; ids are strings so the same code reads the benchmark format.
/// </summary>
public sealed record ClusterSnapshot(
    IReadOnlyList<SchedulerHost> Hosts,
    IReadOnlyList<SchedulerVm> Vms,
    SchedulerSettings Settings,
    PolicySet? Policies = null)
{
    /// <summary>The policies, never null (an empty set when none were given).</summary>
    public PolicySet PolicySet => Policies ?? PolicySet.Empty;
}
