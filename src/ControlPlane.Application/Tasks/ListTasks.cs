using ControlPlane.Application.Common;
using ControlPlane.Domain.Tasks;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Tasks;

public static class ListTasks
{
    /// <summary>Newest first; optionally only one status or one entity's tasks.</summary>
    public sealed record Query(PageRequest Paging, OperationStatus? Status = null, Guid? EntityId = null) : IRequest<Page<TaskResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<TaskResponse>>
    {
        public async Task<Page<TaskResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var tasks = db.Tasks.AsNoTracking();
            if (query.Status is { } status)
            {
                tasks = tasks.Where(t => t.Status == status);
            }
            if (query.EntityId is { } entityId)
            {
                tasks = tasks.Where(t => t.EntityId == entityId);
            }
            return await tasks.ToPageAsync(t => t.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id), query.Paging, TaskResponse.From, cancellationToken);
        }
    }
}
