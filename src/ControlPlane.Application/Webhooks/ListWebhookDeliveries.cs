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
            return await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.Id)
                .ToPageAsync(d => d.OrderByDescending(x => x.Id), query.Paging, WebhookDeliveryResponse.From, cancellationToken);
        }
    }
}
