using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Hosts;

public static class ListHosts
{
    public sealed record Query(PageRequest Paging) : IRequest<Page<HostResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ControlPlaneDbContext db, HostAllocations allocations) : IRequestHandler<Query, Page<HostResponse>>
    {
        public async Task<Page<HostResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var total = await db.Hosts.CountAsync(cancellationToken);
            var hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.Name)
                .Skip(query.Paging.Page * query.Paging.Limit).Take(query.Paging.Limit)
                .ToListAsync(cancellationToken);
            var allocated = await allocations.ForAsync([.. hosts.Select(h => h.Id)], cancellationToken);
            return new Page<HostResponse>(
                [.. hosts.Select(h => HostResponse.From(h, allocated[h.Id]))],
                new PageMetadata(total, query.Paging.Page, query.Paging.Limit));
        }
    }
}
