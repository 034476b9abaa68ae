using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Security;

public static class ListApiKeys
{
    public sealed record Query(PageRequest Paging) : IRequest<Page<ApiKeyResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<ApiKeyResponse>>
    {
        public async Task<Page<ApiKeyResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var total = await db.ApiKeys.CountAsync(cancellationToken);
            var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt)
                .Skip(query.Paging.Page * query.Paging.Limit).Take(query.Paging.Limit).ToListAsync(cancellationToken);
            return new Page<ApiKeyResponse>([.. keys.Select(k => ApiKeyResponse.From(k))], new PageMetadata(total, query.Paging.Page, query.Paging.Limit));
        }
    }
}
