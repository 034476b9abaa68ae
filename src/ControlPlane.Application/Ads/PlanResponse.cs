using ControlPlane.Domain.Policies;

namespace ControlPlane.Application.Ads;

/// <summary>A plan as the API shows it: moves with reasons, waves and outcomes; cost, lower bound and their ratio.</summary>
public sealed record PlanResponse(
    Guid Id,
    string Kind,
    string Trigger,
    PlanStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    long CostMiB,
    long LowerBoundMiB,
    double? CostRatio,
    IReadOnlyList<PlanMoveResponse> Moves,
    IReadOnlyList<string> Issues,
    IReadOnlyList<string> Violations)
{
    public static PlanResponse From(SchedulingPlan plan) => new(plan.Id, plan.Kind, plan.Trigger, plan.Status, plan.CreatedAt, plan.CompletedAt,
        plan.CostMiB, plan.LowerBoundMiB, plan.CostRatio,
        [.. plan.Moves.Select(m => new PlanMoveResponse(Guid.Parse(m.VmId), Guid.Parse(m.From), Guid.Parse(m.To), m.MemoryMiB, m.Reason, m.Wave, m.Outcome, m.Detail))],
        plan.Issues, plan.Violations);
}

public sealed record PlanMoveResponse(Guid VmId, Guid FromHostId, Guid ToHostId, long MemoryMiB, string Reason, int Wave, MoveOutcome Outcome, string? Detail);
