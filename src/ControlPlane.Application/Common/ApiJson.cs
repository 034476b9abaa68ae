using System.Text.Json;
using System.Text.Json.Serialization;

namespace ControlPlane.Application.Common;

/// <summary>
/// How the API writes JSON: web defaults (camelCase), enums as UPPER_SNAKE_CASE strings, numbers only as
/// numbers. The HTTP pipeline is configured with <see cref="Configure"/>; the views serialize with
/// <see cref="Options"/>, so a cached body is byte for byte what an endpoint would have written.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
