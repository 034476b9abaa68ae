namespace ControlPlane.Domain.Webhooks;

/// <summary>
/// Where to POST events, which ones (type prefixes like "vm." or exact types; empty means all), and the
/// secret deliveries are signed with (HMAC-SHA256). The cursor is the last event sequence delivered, so
/// deliveries go out in order and survive restarts.
/// </summary>
public sealed class WebhookSubscription
{
    private WebhookSubscription() { }

    public WebhookSubscription(Guid id, string name, string url, IReadOnlyList<string> eventTypes, string secret, long cursor, DateTimeOffset now)
    {
        Id = id;
        Name = name;
        Url = url;
        EventTypes = [.. eventTypes];
        Secret = secret;
        Cursor = cursor;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Url { get; private set; } = "";
    public List<string> EventTypes { get; private set; } = [];
    public string Secret { get; private set; } = "";
    public long Cursor { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long Version { get; private set; }

    public bool Wants(string eventType) =>
        EventTypes.Count == 0 || EventTypes.Any(t => eventType == t || (t.EndsWith('.') && eventType.StartsWith(t, StringComparison.Ordinal)));

    public void Delivered(long sequence)
    {
        Cursor = sequence;
        ConsecutiveFailures = 0;
        NextAttemptAt = null;
    }

    public void Skip(long sequence) => Cursor = Math.Max(Cursor, sequence);

    /// <summary>Exponential back-off (1 s doubling, at most 5 minutes); the event is retried, never dropped.</summary>
    public void Failed(DateTimeOffset now)
    {
        ConsecutiveFailures++;
        NextAttemptAt = now.AddSeconds(Math.Min(300, Math.Pow(2, ConsecutiveFailures - 1)));
    }
}
