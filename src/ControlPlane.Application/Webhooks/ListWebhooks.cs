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
            return await db.Webhooks.AsNoTracking().ToPageAsync(w => w.OrderBy(x => x.CreatedAt), query.Paging, w => WebhookResponse.From(w), cancellationToken);
        }
    }
}
