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
            return await db.ApiKeys.AsNoTracking().ToPageAsync(k => k.OrderBy(x => x.CreatedAt), query.Paging, k => ApiKeyResponse.From(k), cancellationToken);
        }
    }
}
