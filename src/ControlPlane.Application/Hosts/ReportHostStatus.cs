using ControlPlane.Application.Common;
using ControlPlane.Application.Events;
using ControlPlane.Application.Observability;
using ControlPlane.Application.Views;
using ControlPlane.Contracts;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Hosts;

public static class ReportHostStatus
{
    /// <summary>
    /// An agent's report: the heartbeat, the generation it holds, utilisation and each VM's actual state.
    /// A VM's observed state comes only from here. Written with set-based updates, so reports never
    /// conflict with (or bump the version of) what operators and the scheduler change.
    /// </summary>
    public sealed record Command(Guid HostId, HostStatusReport Report) : IRequest<Unit>;

    /// <summary>Unknown fields are tolerated (the contract grows within v1); impossible values are not stored.</summary>
    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Report.SchemaVersion).GreaterThanOrEqualTo(1).OverridePropertyName("schemaVersion");
            RuleFor(c => c.Report.ObservedGeneration).GreaterThanOrEqualTo(0).OverridePropertyName("observedGeneration");
            RuleFor(c => c.Report.Capacity).SetValidator(new HostCapacityValidator()).OverridePropertyName("capacity");
            RuleFor(c => c.Report.Usage.CpuPercent).InclusiveBetween(0, 100).OverridePropertyName("usage.cpuPercent");
            RuleFor(c => c.Report.Usage.MemoryUsedMiB).GreaterThanOrEqualTo(0).OverridePropertyName("usage.memoryUsedMiB");
            RuleFor(c => c.Report.Driver).MaximumLength(64).OverridePropertyName("driver");
            RuleFor(c => c.Report.Vms).Must(v => v.Count <= 10_000).WithMessage("At most 10000 VMs.").OverridePropertyName("vms");
            RuleForEach(c => c.Report.Vms).ChildRules(vm =>
            {
                vm.RuleFor(v => v.State).IsInEnum();
                vm.RuleFor(v => v.CpuPercent).InclusiveBetween(0, 100 * 4096);
                vm.RuleFor(v => v.MemoryUsedMiB).GreaterThanOrEqualTo(0);
                vm.RuleFor(v => v.DirtyRateBytesPerSec).GreaterThanOrEqualTo(0);
                vm.RuleFor(v => v.LastError).MaximumLength(4096);
            }).OverridePropertyName("vms");
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db, ResourceViews views, TimeProvider clock, ControlPlaneMetrics metrics) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var hostId = new HostId(command.HostId);
            var report = command.Report;
            var now = clock.GetUtcNow();
            // What the VMs looked like, from the views (caught up to every commit before this line), read before the
            // transaction takes the write lock. Only reports change observed state and a host's reports come one at a
            // time, so nothing races this comparison but the heartbeat monitor marking a lost host's VMs unknown,
            // which the next report corrects.
            var reportedIds = report.Vms.Select(v => v.Id).ToHashSet();
            var before = (await views.VmsWhereAsync(v => reportedIds.Contains(v.Id) || v.Vm.ObservedHostId == hostId, cancellationToken))
                .Select(v => v.Vm).ToDictionary(v => v.Id.Value);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var wasReachable = await db.Hosts.Where(h => h.Id == hostId).Select(h => (bool?)h.IsReachable).SingleOrDefaultAsync(cancellationToken);
            var updated = await db.Hosts.Where(h => h.Id == hostId).ExecuteUpdateAsync(set => set
                .SetProperty(h => h.LastHeartbeatAt, now)
                .SetProperty(h => h.IsReachable, true)
                .SetProperty(h => h.ObservedGeneration, report.ObservedGeneration)
                // An agent that holds less than was delivered lost its state (a wiped data folder): deliver again.
                .SetProperty(h => h.DeliveredGeneration, h => h.DeliveredGeneration > report.ObservedGeneration ? report.ObservedGeneration : h.DeliveredGeneration)
                .SetProperty(h => h.UsageCpuPercent, report.Usage.CpuPercent)
                .SetProperty(h => h.UsageMemoryUsedMiB, report.Usage.MemoryUsedMiB)
                .SetProperty(h => h.Driver, report.Driver)
                .SetProperty(h => h.CpuCores, report.Capacity.CpuCores)
                .SetProperty(h => h.MemoryMiB, report.Capacity.MemoryMiB)
                .SetProperty(h => h.CpuModel, report.Capacity.CpuModel), cancellationToken);
            if (updated == 0)
            {
                throw new NotFound("Host", command.HostId);
            }
            // Only what changed is written: a report of hundreds of unchanged VMs is one heartbeat row, not a long
            // write transaction holding SQLite's single write lock.
            foreach (var vm in report.Vms)
            {
                var state = ToObserved(vm.State);
                if (before.TryGetValue(vm.Id, out var seen) && seen.ObservedState == state && seen.ObservedHostId == hostId
                    && seen.ObservedError == vm.LastError && Math.Abs(seen.ObservedCpuPercent - vm.CpuPercent) < CpuPercentResolution)
                {
                    continue;
                }
                await db.Vms.Where(v => v.Id == new VmId(vm.Id)).ExecuteUpdateAsync(set => set
                    .SetProperty(v => v.ObservedState, state)
                    .SetProperty(v => v.ObservedHostId, hostId)
                    .SetProperty(v => v.ObservedAt, now)
                    .SetProperty(v => v.ObservedError, vm.LastError)
                    .SetProperty(v => v.ObservedCpuPercent, vm.CpuPercent), cancellationToken);
            }
            // VMs this host ran before but no longer reports are gone from it. Which ones, the views say (only this
            // host's reports put VMs on it, one at a time); the condition on the host stays for any moved meanwhile.
            var missing = before.Values.Where(v => v.ObservedHostId == hostId && !reportedIds.Contains(v.Id.Value)).Select(v => v.Id).ToList();
            if (missing.Count > 0)
            {
                await db.Vms.Where(v => missing.Contains(v.Id) && v.ObservedHostId == hostId).ExecuteUpdateAsync(set => set
                    .SetProperty(v => v.ObservedState, ObservedState.Missing)
                    .SetProperty(v => v.ObservedHostId, (HostId?)null)
                    .SetProperty(v => v.ObservedAt, now), cancellationToken);
            }
            RecordChanges(command.HostId, wasReachable == false, report, before.ToDictionary(b => b.Key, b => (b.Value.ObservedState, b.Value.ObservedHostId)), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            metrics.AgentReports.Increment();
            return Unit.Value;
        }

        /// <summary>Events for what this report changed: the host coming back, and each VM whose observed state or host moved.</summary>
        private void RecordChanges(Guid hostId, bool reconnected, HostStatusReport report,
            Dictionary<Guid, (ObservedState State, HostId? Host)> before, DateTimeOffset now)
        {
            if (reconnected)
            {
                db.Record("host.connected", "host", hostId, new { observedGeneration = report.ObservedGeneration }, now);
            }
            foreach (var vm in report.Vms)
            {
                var state = ToObserved(vm.State);
                if (before.TryGetValue(vm.Id, out var old) && (old.State != state || old.Host?.Value != hostId))
                {
                    db.Record("vm.observed", "vm", vm.Id, new { state, previousState = old.State, hostId }, now);
                }
            }
            var present = report.Vms.Select(v => v.Id).ToHashSet();
            foreach (var (id, old) in before.Where(b => b.Value.Host?.Value == hostId && !present.Contains(b.Key)))
            {
                db.Record("vm.observed", "vm", id, new { state = ObservedState.Missing, previousState = old.State, hostId }, now);
            }
        }

        /// <summary>CPU changes smaller than this are not worth a write; they do not change any decision.</summary>
        private const double CpuPercentResolution = 1.0;

        private static ObservedState ToObserved(ObservedVmState state) => state switch
        {
            ObservedVmState.Running => ObservedState.Running,
            ObservedVmState.Stopped => ObservedState.Stopped,
            ObservedVmState.Paused => ObservedState.Paused,
            ObservedVmState.Starting => ObservedState.Starting,
            ObservedVmState.Stopping => ObservedState.Stopping,
            ObservedVmState.Crashed => ObservedState.Crashed,
            ObservedVmState.Failed => ObservedState.Failed,
            _ => ObservedState.Missing,
        };
    }
}
