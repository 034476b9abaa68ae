using System.Text.Json;
using ControlPlane.Domain.Events;
using ControlPlane.Persistence;

namespace ControlPlane.Application.Events;

/// <summary>
/// Records state changes as events in the same transaction as the change itself (the caller saves), so an
/// event exists exactly when its change does; the SSE stream and webhooks read them in sequence order.
/// </summary>
public static class EventLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static EventRecord Record(this ControlPlaneDbContext db, string type, string entityKind, Guid entityId, object data, DateTimeOffset at) =>
        db.Events.Add(new EventRecord(type, entityKind, entityId, JsonSerializer.Serialize(data, data.GetType(), Json), at)).Entity;
}
