using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Ads;

public static class ListPlans
{
    /// <summary>Current and past plans, newest first.</summary>
    public sealed record Query(PageRequest Paging) : IRequest<Page<PlanResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<PlanResponse>>
    {
        public async Task<Page<PlanResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var total = await db.SchedulingPlans.CountAsync(cancellationToken);
            var page = await db.SchedulingPlans.AsNoTracking().OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
                .Skip(query.Paging.Page * query.Paging.Limit).Take(query.Paging.Limit).ToListAsync(cancellationToken);
            return new Page<PlanResponse>([.. page.Select(PlanResponse.From)], new PageMetadata(total, query.Paging.Page, query.Paging.Limit));
        }
    }
}

public static class GetPlan
{
    public sealed record Query(Guid Id) : IRequest<PlanResponse>;

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, PlanResponse>
    {
        public async Task<PlanResponse> Handle(Query query, CancellationToken cancellationToken) =>
            PlanResponse.From(await db.SchedulingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
                ?? throw new NotFound("Plan", query.Id));
    }
}
