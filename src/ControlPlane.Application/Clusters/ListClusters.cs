using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Clusters;

public static class ListClusters
{
    public sealed record Query : IRequest<Page<ClusterResponse>>;

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<ClusterResponse>>
    {
        public async Task<Page<ClusterResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
            var hosts = await db.Hosts.CountAsync(cancellationToken);
            return new Page<ClusterResponse>([.. clusters.Select(c => ClusterResponse.From(c, hosts))],
                new PageMetadata(clusters.Count, 0, clusters.Count));
        }
    }
}
