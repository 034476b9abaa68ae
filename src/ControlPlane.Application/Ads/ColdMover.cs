using ControlPlane.Application.Dispatch;
using ControlPlane.Application.Events;
using ControlPlane.Application.Scheduling;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Filters;
using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Ads;

/// <summary>
/// A cold, simulated move: the VM's host is reassigned and both hosts' generations are bumped, so the source
/// agent stops the VM and the target agent starts it. Before committing, the target is rechecked against a fresh
/// snapshot and claimed at the version that snapshot saw (as placements do), so a move never over-commits a host
/// or breaks a MUST rule that concurrent placements rely on.
/// </summary>
internal sealed class ColdMover(IServiceScopeFactory scopes, TimeProvider clock, DispatchSignal dispatch, IOptions<SchedulingOptions> options) : IVmMover
{
    public const string MovedDetail = "MOVED (cold, simulated): the source agent stops the VM, the target agent starts it";

    public async Task<MoveResult> MoveAsync(PlannedMove move, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= options.Value.MaxPlacementAttempts; attempt++)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
            var loader = scope.ServiceProvider.GetRequiredService<SnapshotLoader>();
            var vmId = new VmId(Guid.Parse(move.VmId));
            var vm = await db.Vms.SingleOrDefaultAsync(v => v.Id == vmId, ct);
            if (vm is null)
            {
                return new MoveResult(MoveOutcome.Skipped, "the VM was deleted");
            }
            if (vm.HostId?.ToString() != move.From)
            {
                return new MoveResult(MoveOutcome.Skipped, "the VM is no longer on the source host");
            }
            var loaded = await loader.LoadForPlacementAsync(vmId, ct);
            var request = loader.RequestFor(vmId.Value, vm.Vcpus, vm.MemoryMiB, vm.MemoryOvercommit, vm.CpuModel, vm.Categories);
            // A move adds nothing to the cluster, so the HA reservation (total free memory) does not change; and a
            // restart after a host failure is exactly what the reserve is for.
            var refused = Scheduler.Default.Recheck(loaded.Snapshot, move.To, request)
                .Where(r => r.Key != nameof(HaReservationFilter)).ToList();
            if (refused.Count > 0)
            {
                return new MoveResult(MoveOutcome.Failed, "the target no longer takes the VM: " + string.Join("; ", refused.Select(r => $"{r.Key}: {r.Value}")));
            }
            var target = new HostId(Guid.Parse(move.To));
            var source = new HostId(Guid.Parse(move.From));
            await db.ClaimHostAsync(target, loaded.HostVersions[target], ct);
            await db.BumpHostAsync(source, ct);
            vm.PlaceOn(target);
            var now = clock.GetUtcNow();
            vm.Touch(now);
            db.Record("vm.moved", "vm", vm.Id.Value, new { from = source.Value, to = target.Value, reason = move.Reason.ToString(), outcome = MovedDetail }, now);
            try
            {
                await db.SaveChangesAsync(ct);
                dispatch.Notify();
                return new MoveResult(MoveOutcome.MovedColdSimulated, MovedDetail);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A placement or another move claimed one of the hosts first: recheck from a fresh snapshot.
            }
        }
        return new MoveResult(MoveOutcome.Failed, "lost every race for the target host");
    }
}
