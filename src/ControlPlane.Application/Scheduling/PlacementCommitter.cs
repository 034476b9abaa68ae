using ControlPlane.Application.Events;
using ControlPlane.Application.Observability;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Hosts;
using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DomainUnplaceable = ControlPlane.Domain.Scheduling.Unplaceable;

namespace ControlPlane.Application.Scheduling;

/// <summary>
/// Plan optimistically, verify at commit (Nomad's plan-and-verify). Placing a VM bumps its host's
/// generation, and with it the host's concurrency token, so two commits that both counted on the same
/// host's free capacity cannot both succeed: the loser re-plans from a fresh snapshot.
/// The snapshot reads hosts (with their versions) before VMs, so any VM committed to a host after that
/// read has moved the host's version past the one the claim is conditional on.
/// </summary>
internal sealed class PlacementCommitter(ControlPlaneDbContext db, SnapshotLoader loader, IOptions<SchedulingOptions> options, TimeProvider clock, ControlPlaneMetrics metrics)
{
    public async Task PlaceAndCommitAsync(Vm vm, bool isNew, CancellationToken ct)
    {
        if (isNew)
        {
            db.Vms.Add(vm);
        }
        for (var attempt = 1; ; attempt++)
        {
            var (snapshot, versions) = await loader.LoadWithVersionsAsync(vm.Id, ct);
            var request = loader.RequestFor(vm.Id.Value, vm.Vcpus, vm.MemoryMiB, vm.MemoryOvercommit, vm.CpuModel, vm.Categories);
            var target = Choose(snapshot, request, vm.HostId, metrics);
            var previous = vm.HostId;
            await ClaimAsync(target, versions[target], ct);
            if (previous is { } old && old != target)
            {
                await ClaimAsync(old, versions[old], ct);
            }
            vm.PlaceOn(target);
            var placed = RecordPlaced(vm, target, previous);
            try
            {
                await db.SaveChangesAsync(ct);
                metrics.Placements.Increment("placed");
                return;
            }
            catch (DbUpdateConcurrencyException ex) when (ex.Entries.All(e => e.Entity is Host) && attempt < options.Value.MaxPlacementAttempts)
            {
                foreach (var entry in db.ChangeTracker.Entries<Host>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
                db.Entry(placed).State = EntityState.Detached;
                metrics.Placements.Increment("replanned");
            }
        }
    }

    private Domain.Events.EventRecord RecordPlaced(Vm vm, HostId target, HostId? previous) =>
        db.Record("vm.placed", "vm", vm.Id.Value, new { hostId = target.Value, previousHostId = previous?.Value }, clock.GetUtcNow());

    /// <summary>Keeps a VM on its current host when that host still passes every filter; otherwise places it anew.</summary>
    private static HostId Choose(ClusterSnapshot snapshot, PlacementRequest request, HostId? current, ControlPlaneMetrics metrics)
    {
        if (current is { } host && snapshot.Hosts.FirstOrDefault(h => h.Id == host.ToString()) is { } currentHost
            && Scheduler.Default.Place(snapshot with { Hosts = [currentHost] }, request) is Placed)
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
    private async Task ClaimAsync(HostId hostId, long snapshotVersion, CancellationToken ct)
    {
        var host = await db.Hosts.SingleAsync(h => h.Id == hostId, ct);
        db.Entry(host).Property(h => h.Version).OriginalValue = snapshotVersion;
        host.BumpGeneration();
    }
}
