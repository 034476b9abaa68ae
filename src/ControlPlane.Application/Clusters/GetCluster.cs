using ControlPlane.Application.Common;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Clusters;

public static class GetCluster
{
    public sealed record Query(Guid Id) : IRequest<ClusterResponse>;

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, ClusterResponse>
    {
        public async Task<ClusterResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var cluster = await db.Clusters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == new ClusterId(query.Id), cancellationToken)
                ?? throw new NotFound("Cluster", query.Id);
            return ClusterResponse.From(cluster, await db.Hosts.CountAsync(h => h.ClusterId == cluster.Id, cancellationToken));
        }
    }
}
