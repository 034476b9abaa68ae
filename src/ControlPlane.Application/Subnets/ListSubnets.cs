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
            return await db.Subnets.AsNoTracking().ToPageAsync(s => s.OrderBy(x => x.Name), query.Paging, SubnetResponse.From, cancellationToken);
        }
    }
}
