using ControlPlane.Application.Common;
using ControlPlane.Application.Events;
using ControlPlane.Domain.Policies;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Policies;

public static class ListPolicies
{
    public sealed record Query(PlacementPolicyKind Kind, PageRequest Paging) : IRequest<Page<PolicyResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<PolicyResponse>>
    {
        public async Task<Page<PolicyResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var all = db.PlacementPolicies.AsNoTracking().Where(p => p.Kind == query.Kind);
            var total = await all.CountAsync(cancellationToken);
            var page = await all.OrderBy(p => p.Name).Skip(query.Paging.Page * query.Paging.Limit).Take(query.Paging.Limit).ToListAsync(cancellationToken);
            return new Page<PolicyResponse>([.. page.Select(PolicyResponse.From)], new PageMetadata(total, query.Paging.Page, query.Paging.Limit));
        }
    }
}

public static class GetPolicy
{
    public sealed record Query(PlacementPolicyKind Kind, Guid Id) : IRequest<PolicyResponse>;

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, PolicyResponse>
    {
        public async Task<PolicyResponse> Handle(Query query, CancellationToken cancellationToken) =>
            PolicyResponse.From(await db.PlacementPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.Id && p.Kind == query.Kind, cancellationToken)
                ?? throw new NotFound("Policy", query.Id));
    }
}

public static class DeletePolicy
{
    public sealed record Command(PlacementPolicyKind Kind, Guid Id, long? ExpectedVersion = null) : IRequest<Unit>, IConditionalRequest;

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var policy = await db.PlacementPolicies.SingleOrDefaultAsync(p => p.Id == command.Id && p.Kind == command.Kind, cancellationToken)
                ?? throw new NotFound("Policy", command.Id);
            db.ExpectVersion(policy, command.ExpectedVersion);
            db.PlacementPolicies.Remove(policy);
            db.Record("policy.deleted", "policy", policy.Id, new { kind = policy.Kind.ToString(), policy.Name }, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
