using ControlPlane.Application.Common;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Tasks;

public static class CancelTask
{
    /// <summary>
    /// Stops waiting on the task. A power task's desired state stays as requested (the agent may already
    /// be acting on it); cancel means the caller no longer tracks it.
    /// </summary>
    public sealed record Command(Guid Id) : IRequest<TaskResponse>;

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, TaskResponse>
    {
        public async Task<TaskResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == new TaskId(command.Id), cancellationToken)
                ?? throw new NotFound("Task", command.Id);
            if (task.IsFinished)
            {
                throw new Conflict($"The task has already finished ({task.Status.ToString().ToUpperInvariant()}).");
            }
            task.Cancel(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return TaskResponse.From(task);
        }
    }
}
