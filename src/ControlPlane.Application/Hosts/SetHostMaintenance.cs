using ControlPlane.Application.Common;
using ControlPlane.Application.Events;
using ControlPlane.Application.Tasks;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Tasks;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Hosts;

public static class SetHostMaintenance
{
    /// <summary>
    /// Takes a host out of placement (or back in). Running VMs stay where they are until the migration
    /// engine can evacuate them; the task records the change.
    /// </summary>
    public sealed record Command(Guid HostId, bool Enter) : IRequest<TaskResponse>;

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, TaskResponse>
    {
        public async Task<TaskResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var host = await db.Hosts.SingleOrDefaultAsync(h => h.Id == new HostId(command.HostId), cancellationToken)
                ?? throw new NotFound("Host", command.HostId);
            if (command.Enter)
            {
                host.EnterMaintenance();
            }
            else
            {
                host.ExitMaintenance();
            }
            var now = clock.GetUtcNow();
            var task = new OperationTask(new TaskId(Guid.CreateVersion7()), command.Enter ? "host.enter-maintenance" : "host.exit-maintenance",
                "host", host.Id.Value, now, now);
            task.Succeed(now);
            db.Tasks.Add(task);
            db.Record(task.Operation, "host", host.Id.Value, new { host.Name, host.State }, now);
            await db.SaveChangesAsync(cancellationToken);
            return TaskResponse.From(task);
        }
    }
}
