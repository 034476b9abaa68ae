using System.Text.Json;
using ControlPlane.Application.Events;
using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Persistence;

namespace ControlPlane.Application.Ads;

/// <summary>
/// Makes a plan first-class: stores it (moves, reasons, cost, lower bound, issues), then runs its moves wave by
/// wave through <see cref="IVmMover"/> (a wave holds at most two moves per host; moves run one at a time, so never
/// more than two run on a host), recording each outcome and the events plan.created, vm.moved, plan.completed.
/// </summary>
internal sealed class PlanRunner(ControlPlaneDbContext db, IVmMover mover, TimeProvider clock)
{
    public async Task<SchedulingPlan> RunAsync(Plan plan, string trigger, CancellationToken ct)
    {
        var waves = plan.Waves.SelectMany(w => w.Moves.Select(m => (Move: m, w.Index))).ToList();
        var ordered = plan.Moves
            .Select((move, order) => (move, order, wave: waves.FirstOrDefault(w => w.Move == move).Index))
            .OrderBy(x => x.wave).ThenBy(x => x.order)
            .ToList();
        var stored = new SchedulingPlan(Guid.CreateVersion7(), Upper(plan.Kind.ToString()), trigger, plan.CostMiB, plan.LowerBoundMiB,
            [.. ordered.Select(x => new PlanMoveRecord(x.move.VmId, x.move.From, x.move.To, x.move.MemoryMiB, Upper(x.move.Reason.ToString()), x.wave))],
            [.. plan.Issues.Select(i => $"{Upper(i.Kind.ToString())}: {i.Subject}: {i.Detail}")],
            [.. plan.Violations.Select(v => $"policy {v.PolicyId}: VM {v.VmId} on host {v.HostId} ({Upper(v.Enforcement.ToString())})")],
            clock.GetUtcNow());
        db.SchedulingPlans.Add(stored);
        db.Record("plan.created", "plan", stored.Id, new { stored.Kind, stored.Trigger, moves = stored.Moves.Count, stored.CostMiB, stored.LowerBoundMiB }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (ordered.Count == 0)
        {
            return stored;
        }
        for (var i = 0; i < ordered.Count; i++)
        {
            var result = await mover.MoveAsync(ordered[i].move, ct);
            stored.SetOutcome(i, result.Outcome, result.Detail);
            await db.SaveChangesAsync(ct);
        }
        stored.Complete(clock.GetUtcNow());
        db.Record("plan.completed", "plan", stored.Id,
            new { stored.Kind, status = stored.Status.ToString(), moved = stored.Moves.Count(m => m.Outcome == MoveOutcome.MovedColdSimulated) }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return stored;
    }

    internal static string Upper(string name) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);
}
