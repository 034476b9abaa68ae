using System.Text.Json;

namespace ControlPlane.Bench;

/// <summary>Writes <c>&lt;name&gt;.answer.json</c> exactly in FORMAT.md's shape (plus haReserveMiB for ha).</summary>
internal static class AnswerWriter
{
    public static void Write(string directory, Answer answer)
    {
        using var stream = File.Create(Path.Combine(directory, $"{answer.Name}.answer.json"));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("name", answer.Name);
        json.WriteStartArray("moves");
        foreach (var m in answer.Moves)
        {
            json.WriteStartObject();
            json.WriteString("vmId", m.VmId);
            json.WriteString("from", m.From);
            json.WriteString("to", m.To);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("placements");
        foreach (var p in answer.Placements)
        {
            json.WriteStartObject();
            json.WriteString("requestId", p.RequestId);
            json.WriteString("hostId", p.HostId);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("unplaced");
        foreach (var u in answer.Unplaced)
        {
            json.WriteStartObject();
            json.WriteString("requestId", u.RequestId);
            json.WriteStartObject("rejections");
            foreach (var (filter, count) in u.Rejections)
            {
                json.WriteNumber(filter, count);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("violations");
        foreach (var (policy, vm) in answer.Violations)
        {
            json.WriteStartObject();
            json.WriteString("policyId", policy);
            json.WriteString("vmId", vm);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("costMiB", answer.CostMiB);
        json.WriteNumber("lowerBoundMiB", answer.LowerBoundMiB);
        json.WriteNumber("millis", Math.Round(answer.Millis, 3));
        if (answer.HaReserveMiB is { } reserve)
        {
            json.WriteNumber("haReserveMiB", reserve);
        }
        json.WriteEndObject();
    }
}
