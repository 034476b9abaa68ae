using ControlPlane.Application.Common;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Subnets;

public static class GetSubnet
{
    public sealed record Query(Guid Id) : IRequest<SubnetResponse>;

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, SubnetResponse>
    {
        public async Task<SubnetResponse> Handle(Query query, CancellationToken cancellationToken) =>
            SubnetResponse.From(await db.Subnets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == new SubnetId(query.Id), cancellationToken)
                ?? throw new NotFound("Subnet", query.Id));
    }
}
