using ControlPlane.Domain.Webhooks;

namespace ControlPlane.Application.Webhooks;

/// <summary>A subscription; its signing secret appears only in the create answer.</summary>
public sealed record WebhookResponse(Guid Id, string Name, string Url, IReadOnlyList<string> EventTypes, long Cursor,
    int ConsecutiveFailures, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static WebhookResponse From(WebhookSubscription w, string? secret = null) =>
        new(w.Id, w.Name, w.Url, w.EventTypes, w.Cursor, w.ConsecutiveFailures, w.NextAttemptAt, w.CreatedAt, secret);
}

public sealed record WebhookDeliveryResponse(long Id, long EventSequence, string EventType, int Attempt, int? StatusCode, bool Succeeded, string? Error, DateTimeOffset At)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) =>
        new(d.Id, d.EventSequence, d.EventType, d.Attempt, d.StatusCode, d.Succeeded, d.Error, d.At);
}
