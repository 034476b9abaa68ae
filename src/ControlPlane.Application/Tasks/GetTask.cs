using ControlPlane.Application.Common;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Tasks;

public static class GetTask
{
    public sealed record Query(Guid Id) : IRequest<TaskResponse>;

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, TaskResponse>
    {
        public async Task<TaskResponse> Handle(Query query, CancellationToken cancellationToken) =>
            TaskResponse.From(await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == new TaskId(query.Id), cancellationToken)
                ?? throw new NotFound("Task", query.Id));
    }
}
