using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Subnets;

public static class ListSubnets
{
    public sealed record Query(PageRequest Paging) : IRequest<Page<SubnetResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<SubnetResponse>>
    {
        public async Task<Page<SubnetResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var total = await db.Subnets.CountAsync(cancellationToken);
            var page = await db.Subnets.AsNoTracking().OrderBy(s => s.Name)
                .Skip(query.Paging.Page * query.Paging.Limit).Take(query.Paging.Limit).ToListAsync(cancellationToken);
            return new Page<SubnetResponse>([.. page.Select(SubnetResponse.From)], new PageMetadata(total, query.Paging.Page, query.Paging.Limit));
        }
    }
}
