namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// A remediation plan: moves in the order they must start, their cost (memory copied), the planner's own lower
/// bound on that cost, what still breaks a policy afterwards, and what it could not fix.
/// </summary>
public sealed record Plan(
    PlanKind Kind,
    IReadOnlyList<PlannedMove> Moves,
    long CostMiB,
    long LowerBoundMiB,
    IReadOnlyList<PolicyViolation> Violations,
    IReadOnlyList<PlanIssue> Issues)
{
    public IReadOnlyList<PlannedPlacement> Placements { get; init; } = [];
    public IReadOnlyList<UnplacedRequest> Unplaced { get; init; } = [];
    public IReadOnlyList<MigrationWave> Waves { get; init; } = [];

    /// <summary>True when the plan fixes everything it was asked to.</summary>
    public bool Resolved => Issues.Count == 0 && Unplaced.Count == 0;

    /// <summary>Cost over lower bound (1 = provably cheapest).</summary>
    public double CostRatio => LowerBoundMiB > 0 ? (double)CostMiB / LowerBoundMiB : CostMiB == 0 ? 1 : double.PositiveInfinity;
}
