using System.Text.Json.Nodes;

namespace ControlPlane.EndToEnd.Tests.Infrastructure;

/// <summary>One server-sent event as read off the wire: id, event type and the entity its data names.</summary>
internal sealed record SseEvent(long Id, string Type, string EntityId)
{
    public static async Task<SseEvent> ReadAsync(StreamReader reader, CancellationToken ct)
    {
        long id = 0;
        string? type = null, data = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
            else if (line.Length == 0 && type is not null && data is not null)
            {
                return new SseEvent(id, type, (string)JsonNode.Parse(data)!["entityId"]!);
            }
        }
        throw new EndOfStreamException("The event stream ended.");
    }
}
