using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Webhooks;

public static class ListWebhookDeliveries
{
    /// <summary>The delivery log of one subscription, newest first.</summary>
    public sealed record Query(Guid Id, PageRequest Paging) : IRequest<Page<WebhookDeliveryResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<WebhookDeliveryResponse>>
    {
        public async Task<Page<WebhookDeliveryResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Webhooks.AnyAsync(w => w.Id == query.Id, cancellationToken))
            {
                throw new NotFound("Webhook", query.Id);
            }
            var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.Id);
            var total = await deliveries.CountAsync(cancellationToken);
            var page = await deliveries.OrderByDescending(d => d.Id)
                .Skip(query.Paging.Page * query.Paging.Limit).Take(query.Paging.Limit).ToListAsync(cancellationToken);
            return new Page<WebhookDeliveryResponse>([.. page.Select(WebhookDeliveryResponse.From)], new PageMetadata(total, query.Paging.Page, query.Paging.Limit));
        }
    }
}
