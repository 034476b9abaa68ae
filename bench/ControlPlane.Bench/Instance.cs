using ControlPlane.Domain.Scheduling;

namespace ControlPlane.Bench;

/// <summary>One benchmark instance (format controlplane-sched/1).</summary>
internal sealed record Instance(string Name, string Task, ClusterSnapshot Snapshot, IReadOnlyList<PlacementRequest> Requests);
