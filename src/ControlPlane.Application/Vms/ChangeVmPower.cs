using ControlPlane.Application.Common;
using ControlPlane.Application.Dispatch;
using ControlPlane.Application.Events;
using ControlPlane.Application.Scheduling;
using ControlPlane.Application.Tasks;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Tasks;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Vms;

public static class ChangeVmPower
{
    /// <summary>Changes the VM's desired power state and returns the task that completes when its agent reports it.</summary>
    public sealed record Command(Guid Id, VmPowerAction Action) : IRequest<TaskResponse>;

    internal sealed class Handler(
        ControlPlaneDbContext db, PlacementCommitter committer, TimeProvider clock, DispatchSignal dispatch, IOptions<TaskOptions> options)
        : IRequestHandler<Command, TaskResponse>
    {
        public async Task<TaskResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var vm = await db.Vms.SingleOrDefaultAsync(v => v.Id == new VmId(command.Id), cancellationToken)
                ?? throw new NotFound("VM", command.Id);
            var now = clock.GetUtcNow();
            var awaited = Apply(vm, command.Action);
            vm.Touch(now);
            var task = new OperationTask(new TaskId(Guid.CreateVersion7()), Operation(command.Action), "vm", vm.Id.Value,
                now, now.AddSeconds(options.Value.PowerTaskTimeoutSeconds));
            db.Tasks.Add(task);
            db.Record(task.Operation, "vm", vm.Id.Value, new { taskId = task.Id.Value, vm.PowerState }, now);
            if (command.Action == VmPowerAction.PowerOn)
            {
                // A powered-off VM reserves nothing, so powering on places it again (on its host if that still fits).
                await committer.PlaceAndCommitAsync(vm, isNew: false, cancellationToken);
            }
            else if (vm.HostId is { } hostId)
            {
                await db.BumpHostAsync(hostId, cancellationToken);
            }
            var host = await db.Hosts.SingleAsync(h => h.Id == vm.HostId, cancellationToken);
            task.AwaitVmState(awaited, host.DesiredGeneration);
            await db.SaveChangesAsync(cancellationToken);
            dispatch.Notify();
            return TaskResponse.From(task);
        }

        private static ObservedState Apply(Vm vm, VmPowerAction action)
        {
            switch (action)
            {
                case VmPowerAction.PowerOn:
                    vm.SetPower(PowerState.On, vm.ShutdownMode);
                    return ObservedState.Running;
                case VmPowerAction.PowerOff:
                    vm.SetPower(PowerState.Off, ShutdownMode.Hard);
                    return ObservedState.Stopped;
                case VmPowerAction.Shutdown:
                    vm.SetPower(PowerState.Off, ShutdownMode.Graceful);
                    return ObservedState.Stopped;
                case VmPowerAction.Reboot or VmPowerAction.Reset when vm.PowerState != PowerState.On:
                    throw new Conflict($"The VM is {vm.PowerState.ToString().ToUpperInvariant()}; only a running VM can be rebooted or reset.");
                case VmPowerAction.Reboot:
                    vm.RequestReboot();
                    return ObservedState.Running;
                case VmPowerAction.Reset:
                    vm.RequestReset();
                    return ObservedState.Running;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }
        }

        private static string Operation(VmPowerAction action) => action switch
        {
            VmPowerAction.PowerOn => "vm.power-on",
            VmPowerAction.PowerOff => "vm.power-off",
            VmPowerAction.Shutdown => "vm.shutdown",
            VmPowerAction.Reboot => "vm.reboot",
            _ => "vm.reset",
        };
    }
}
