namespace ControlPlane.Domain.Webhooks;

/// <summary>One delivery attempt of one event to one subscription.</summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public WebhookDelivery(Guid subscriptionId, long eventSequence, string eventType, int attempt, int? statusCode, string? error, DateTimeOffset at)
    {
        SubscriptionId = subscriptionId;
        EventSequence = eventSequence;
        EventType = eventType;
        Attempt = attempt;
        StatusCode = statusCode;
        Error = error;
        At = at;
    }

    public long Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public long EventSequence { get; private set; }
    public string EventType { get; private set; } = "";
    public int Attempt { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset At { get; private set; }

    public bool Succeeded => StatusCode is >= 200 and < 300;
}
