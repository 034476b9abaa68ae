namespace ControlPlane.Domain.Events;

/// <summary>
/// A state change, in commit order: the sequence number is the SSE event id (resumable with Last-Event-ID)
/// and the order webhook deliveries follow.
/// </summary>
public sealed class EventRecord
{
    private EventRecord() { }

    public EventRecord(string type, string entityKind, Guid entityId, string data, DateTimeOffset at)
    {
        Type = type;
        EntityKind = entityKind;
        EntityId = entityId;
        Data = data;
        At = at;
    }

    public long Sequence { get; private set; }
    public string Type { get; private set; } = "";
    public string EntityKind { get; private set; } = "";
    public Guid EntityId { get; private set; }

    /// <summary>The event's payload as JSON.</summary>
    public string Data { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
