using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ControlPlane.Domain.Events;

namespace ControlPlane.Application.Webhooks;

/// <summary>The body a webhook receives for one event, and its HMAC-SHA256 signature under the subscription's secret.</summary>
public static class WebhookPayload
{
    public const string SignatureHeader = "X-ControlPlane-Signature";

    public static string Body(EventRecord e)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("type", e.Type);
            json.WriteString("entityKind", e.EntityKind);
            json.WriteString("entityId", e.EntityId);
            json.WriteString("at", e.At);
            json.WritePropertyName("data");
            json.WriteRawValue(e.Data);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>"sha256=&lt;hex&gt;" over the exact body bytes; receivers recompute it with the secret.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
