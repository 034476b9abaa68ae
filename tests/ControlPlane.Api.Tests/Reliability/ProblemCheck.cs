using System.Text.Json;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>Checks that an error answer is RFC 9457 problem+json with a stable type and its status.</summary>
internal static class ProblemCheck
{
    public const string TypePrefix = "urn:controlplane:problem:";

    /// <summary>Null when the answer is a proper problem; otherwise what is wrong with it.</summary>
    public static async Task<string?> FindFaultAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != "application/problem+json")
        {
            return $"{status} answered with content type '{mediaType ?? "none"}', not application/problem+json";
        }
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (!root.TryGetProperty("type", out var type) || type.GetString() is not { } value || !value.StartsWith(TypePrefix, StringComparison.Ordinal))
            {
                return $"{status} problem has no stable '{TypePrefix}*' type: {body}";
            }
            if (!root.TryGetProperty("status", out var answered) || answered.GetInt32() != status)
            {
                return $"{status} problem does not carry its status: {body}";
            }
            return null;
        }
        catch (JsonException)
        {
            return $"{status} problem body is not JSON: {body}";
        }
    }
}
