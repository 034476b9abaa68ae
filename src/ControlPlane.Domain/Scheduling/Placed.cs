namespace ControlPlane.Domain.Scheduling;

/// <summary>The chosen host and, per candidate host, its weighted score.</summary>
public sealed record Placed(string HostId, IReadOnlyDictionary<string, double> Scores) : PlacementDecision;
