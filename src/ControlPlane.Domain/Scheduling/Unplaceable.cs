namespace ControlPlane.Domain.Scheduling;

/// <summary>No host passed every filter; per host, the first filter that rejected it and why.</summary>
public sealed record Unplaceable(IReadOnlyDictionary<string, string> ReasonsByHost) : PlacementDecision;
