using ControlPlane.Application.Common;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Hosts;

public static class GetHost
{
    public sealed record Query(Guid Id) : IRequest<HostResponse>;

    internal sealed class Handler(ControlPlaneDbContext db, HostAllocations allocations) : IRequestHandler<Query, HostResponse>
    {
        public async Task<HostResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var host = await db.Hosts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == new HostId(query.Id), cancellationToken)
                ?? throw new NotFound("Host", query.Id);
            var allocated = await allocations.ForAsync([host.Id], cancellationToken);
            return HostResponse.From(host, allocated[host.Id]);
        }
    }
}
