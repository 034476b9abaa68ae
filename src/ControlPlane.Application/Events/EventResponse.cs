using System.Text.Json;
using ControlPlane.Domain.Events;

namespace ControlPlane.Application.Events;

public sealed record EventResponse(long Sequence, string Type, string EntityKind, Guid EntityId, DateTimeOffset At, JsonElement Data)
{
    public static EventResponse From(EventRecord record) => new(
        record.Sequence, record.Type, record.EntityKind, record.EntityId, record.At,
        JsonDocument.Parse(record.Data).RootElement.Clone());
}
