using ControlPlane.Application.Ads;
using ControlPlane.Application.Events;
using ControlPlane.Application.Observability;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Hosts;
using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Scheduling.Policies;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using DomainUnplaceable = ControlPlane.Domain.Scheduling.Unplaceable;

namespace ControlPlane.Application.Scheduling;

/// <summary>
/// Plan optimistically, verify at commit (Nomad's plan-and-verify). Placing a VM bumps its host's
/// generation, and with it the host's concurrency token, so two commits that both counted on the same
/// host's free capacity cannot both succeed: the loser re-plans from a fresh snapshot. A VM in a MUST affinity
/// group also claims the group's policy, because its members can be placed on different hosts by concurrent
/// commits that each saw the group empty (docs/decisions/0005-policy-claims.md).
/// The snapshot reads hosts (with their versions) before VMs, so any VM committed to a host after that
/// read has moved the host's version past the one the claim is conditional on.
/// </summary>
internal sealed class PlacementCommitter(
    ControlPlaneDbContext db, SnapshotLoader loader, IOptions<SchedulingOptions> options, TimeProvider clock, ControlPlaneMetrics metrics, IServiceScopeFactory scopes)
{
    public async Task PlaceAndCommitAsync(Vm vm, bool isNew, CancellationToken ct)
    {
        if (isNew)
        {
            db.Vms.Add(vm);
        }
        var defragmented = false;
        // The host the VM had before this call: a failed attempt's choice must not count as "current" on retry.
        var previous = vm.HostId;
        for (var attempt = 1; ; attempt++)
        {
            var (snapshot, versions, policyVersions) = await loader.LoadForPlacementAsync(vm.Id, ct);
            var request = loader.RequestFor(vm.Id.Value, vm.Vcpus, vm.MemoryMiB, vm.MemoryOvercommit, vm.CpuModel, vm.Categories);
            if (!defragmented && previous is null && Scheduler.Default.Place(snapshot, request) is DomainUnplaceable)
            {
                defragmented = true;
                if (await DefragmentAsync(snapshot, request, vm.Name, ct))
                {
                    continue;
                }
            }
            var target = Choose(snapshot, request, previous, metrics);
            await db.ClaimHostAsync(target, versions[target], ct);
            if (previous is { } old && old != target)
            {
                await db.ClaimHostAsync(old, versions[old], ct);
            }
            await ClaimPoliciesAsync(snapshot, vm, policyVersions, ct);
            vm.PlaceOn(target);
            var placed = RecordPlaced(vm, target, previous);
            try
            {
                await db.SaveChangesAsync(ct);
                metrics.Placements.Increment("placed");
                return;
            }
            catch (DbUpdateConcurrencyException ex) when (ex.Entries.All(e => e.Entity is Host or PlacementPolicy) && attempt < options.Value.MaxPlacementAttempts)
            {
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Host or PlacementPolicy).ToList())
                {
                    entry.State = EntityState.Detached;
                }
                db.Entry(placed).State = EntityState.Detached;
                metrics.Placements.Increment("replanned");
            }
        }
    }

    /// <summary>
    /// No host fits, but the cluster may have room in total: run the cheapest moves that make room on one host
    /// (a stored DEFRAGMENT plan, in a scope of its own so the pending VM is not saved with it), then re-plan.
    /// </summary>
    private async Task<bool> DefragmentAsync(ClusterSnapshot snapshot, PlacementRequest request, string name, CancellationToken ct)
    {
        var plan = DefragmentPlanner.Plan(snapshot, [request]);
        if (plan.Moves.Count == 0 || !plan.Resolved)
        {
            return false;
        }
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PlanRunner>().RunAsync(plan, $"defragment: make room for VM '{name}'", ct);
        metrics.Placements.Increment("defragmented");
        return true;
    }

    private Domain.Events.EventRecord RecordPlaced(Vm vm, HostId target, HostId? previous) =>
        db.Record("vm.placed", "vm", vm.Id.Value, new { hostId = target.Value, previousHostId = previous?.Value }, clock.GetUtcNow());

    /// <summary>Keeps a VM on its current host when that host still passes every filter; otherwise places it anew.</summary>
    private static HostId Choose(ClusterSnapshot snapshot, PlacementRequest request, HostId? current, ControlPlaneMetrics metrics)
    {
        // Rechecked against the whole cluster: a one-host snapshot would hide group members running elsewhere.
        if (current is { } host && snapshot.Hosts.Any(h => h.Id == host.ToString())
            && Scheduler.Default.Recheck(snapshot, host.ToString(), request).Count == 0)
        {
            return host;
        }
        return Scheduler.Default.Place(snapshot, request) switch
        {
            Placed placed => new HostId(Guid.Parse(placed.HostId)),
            DomainUnplaceable unplaceable => throw Refuse(metrics, new Application.Common.Unplaceable(
                $"No host can take the VM: {Describe(unplaceable.Rejections, snapshot.Hosts.Count)}.",
                unplaceable.Rejections.Where(r => r.Value > 0).ToDictionary(),
                unplaceable.ReasonsByHost)),
            _ => throw new InvalidOperationException("Unknown placement decision."),
        };
    }

    private static Exception Refuse(ControlPlaneMetrics metrics, Exception refusal)
    {
        metrics.Placements.Increment("unplaceable");
        return refusal;
    }

    private static string Describe(IReadOnlyDictionary<string, int> rejections, int hosts) =>
        hosts == 0
            ? "the cluster has no hosts"
            : string.Join(", ", rejections.Where(r => r.Value > 0).Select(r => $"{r.Key} excluded {r.Value} of {hosts} hosts"));

    /// <summary>
    /// Bumps the host's generation and makes the save conditional on the host's version as the snapshot
    /// saw it, not as it is now: a VM committed to the host since the snapshot makes this save fail.
    /// </summary>
    private async Task ClaimPoliciesAsync(ClusterSnapshot snapshot, Vm vm, IReadOnlyDictionary<Guid, long> versions, CancellationToken ct)
    {
        var mustGroups = snapshot.PolicySet.Affinity
            .Where(p => p.Enforcement == Enforcement.Must && CategoryMatch.Matches(p.Categories, vm.Categories))
            .Select(p => Guid.Parse(p.Id))
            .ToList();
        foreach (var id in mustGroups)
        {
            var policy = await db.PlacementPolicies.SingleAsync(p => p.Id == id, ct);
            db.Entry(policy).Property(p => p.Version).OriginalValue = versions[id];
            policy.Claim();
        }
    }
}
