using ControlPlane.Application.Scheduling;
using ControlPlane.Application.Common;
using ControlPlane.Application.Dispatch;
using ControlPlane.Application.Events;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Vms;

public static class DeleteVm
{
    /// <summary>Removes the VM; its host's agent stops it and frees its resources.</summary>
    public sealed record Command(Guid Id, long? ExpectedVersion = null) : IRequest<Unit>, IConditionalRequest;

    internal sealed class Handler(ControlPlaneDbContext db, DispatchSignal dispatch, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var vm = await db.Vms.SingleOrDefaultAsync(v => v.Id == new VmId(command.Id), cancellationToken)
                ?? throw new NotFound("VM", command.Id);
            db.ExpectVersion(vm, command.ExpectedVersion);
            if (vm.HostId is { } hostId)
            {
                await db.BumpHostAsync(hostId, cancellationToken);
            }
            db.Vms.Remove(vm);
            db.Record("vm.deleted", "vm", vm.Id.Value, new { vm.Name, hostId = vm.HostId?.Value }, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            dispatch.Notify();
            return Unit.Value;
        }
    }
}
