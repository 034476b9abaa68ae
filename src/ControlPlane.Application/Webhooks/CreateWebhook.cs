using System.Text.Json.Serialization;
using ControlPlane.Application.Hosts;
using ControlPlane.Domain.Webhooks;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Webhooks;

public static class CreateWebhook
{
    /// <summary>
    /// Subscribes a URL to events from now on: exact types ("vm.created") or prefixes ending in a dot
    /// ("vm."); none means all. Deliveries are signed with the secret (generated when not given).
    /// </summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Command : IRequest<WebhookResponse>
    {
        public string Name { get; init; } = "";
        public string Url { get; init; } = "";
        public IReadOnlyList<string>? EventTypes { get; init; }
        public string? Secret { get; init; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(80);
            RuleFor(c => c.Url).NotEmpty().MaximumLength(2048)
                .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                .WithMessage("Give an absolute http(s) URL.");
            RuleFor(c => c.EventTypes).Must(t => t is null || t.Count <= 32).WithMessage("At most 32 event types.");
            RuleForEach(c => c.EventTypes).NotEmpty().MaximumLength(64);
            RuleFor(c => c.Secret).MinimumLength(16).MaximumLength(256).When(c => c.Secret is not null);
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, WebhookResponse>
    {
        public async Task<WebhookResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var secret = command.Secret ?? HostTokens.New();
            var now = await db.Events.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
            var webhook = new WebhookSubscription(Guid.CreateVersion7(), command.Name, command.Url, command.EventTypes ?? [], secret, now, clock.GetUtcNow());
            db.Webhooks.Add(webhook);
            await db.SaveChangesAsync(cancellationToken);
            return WebhookResponse.From(webhook, secret);
        }
    }
}
