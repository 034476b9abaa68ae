using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Webhooks;

public static class ListWebhooks
{
    public sealed record Query(PageRequest Paging) : IRequest<Page<WebhookResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<WebhookResponse>>
    {
        public async Task<Page<WebhookResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var total = await db.Webhooks.CountAsync(cancellationToken);
            var page = await db.Webhooks.AsNoTracking().OrderBy(w => w.CreatedAt)
                .Skip(query.Paging.Page * query.Paging.Limit).Take(query.Paging.Limit).ToListAsync(cancellationToken);
            return new Page<WebhookResponse>([.. page.Select(w => WebhookResponse.From(w))], new PageMetadata(total, query.Paging.Page, query.Paging.Limit));
        }
    }
}
