namespace ControlPlane.Domain.Policies;

/// <summary>
/// A remediation plan the scheduler made and ran (hotspot, policy enforcement, HA restart): its moves with their
/// reasons, waves and outcomes, its cost (memory copied), the planner's lower bound, and what it could not fix.
/// </summary>
public sealed class SchedulingPlan
{
    private SchedulingPlan() { }

    public SchedulingPlan(Guid id, string kind, string trigger, long costMiB, long lowerBoundMiB,
        IReadOnlyList<PlanMoveRecord> moves, IReadOnlyList<string> issues, IReadOnlyList<string> violations, DateTimeOffset now)
    {
        Id = id;
        Kind = kind;
        Trigger = trigger;
        CostMiB = costMiB;
        LowerBoundMiB = lowerBoundMiB;
        Moves = [.. moves];
        Issues = [.. issues];
        Violations = [.. violations];
        CreatedAt = now;
        Status = moves.Count == 0 ? PlanStatus.Completed : PlanStatus.Running;
        CompletedAt = moves.Count == 0 ? now : null;
    }

    public Guid Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Trigger { get; private set; } = "";
    public PlanStatus Status { get; private set; }
    public long CostMiB { get; private set; }
    public long LowerBoundMiB { get; private set; }
    public List<PlanMoveRecord> Moves { get; private set; } = [];
    public List<string> Issues { get; private set; } = [];
    public List<string> Violations { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public long Version { get; private set; }

    /// <summary>Cost over lower bound (1 = provably cheapest; null when the bound is 0 but the plan costs something).</summary>
    public double? CostRatio => LowerBoundMiB > 0 ? (double)CostMiB / LowerBoundMiB : CostMiB == 0 ? 1 : null;

    public void SetOutcome(int index, MoveOutcome outcome, string detail)
    {
        Moves = [.. Moves.Select((m, i) => i == index ? m with { Outcome = outcome, Detail = detail } : m)];
    }

    public void Complete(DateTimeOffset now)
    {
        Status = Moves.All(m => m.Outcome == MoveOutcome.MovedColdSimulated) ? PlanStatus.Completed : PlanStatus.PartiallyCompleted;
        CompletedAt = now;
    }
}

public enum PlanStatus { Running, Completed, PartiallyCompleted }

/// <summary>
/// What happened to a move. Until the migration engine exists, a move is cold and simulated: the VM's host is
/// reassigned, the source agent stops it and the target agent starts it.
/// </summary>
public enum MoveOutcome { Pending, MovedColdSimulated, Skipped, Failed }

public sealed record PlanMoveRecord(string VmId, string From, string To, long MemoryMiB, string Reason, int Wave,
    MoveOutcome Outcome = MoveOutcome.Pending, string? Detail = null);
