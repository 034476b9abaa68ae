using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ControlPlane.Application.Common;
using ControlPlane.Application.Idempotency;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.Endpoints;

/// <summary>
/// Idempotency-Key (alias NTNX-Request-Id) on creating and starting POSTs: the same key and body replays
/// the first successful answer (same status, Location and body); the same key with another body is 409;
/// while the first request with a key runs, a second one is 409 too. Keys are kept 24 hours.
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public static readonly IdempotencyFilter Instance = new();

    private const int MaxKeyLength = 128;

    public static readonly string[] Headers = ["Idempotency-Key", "NTNX-Request-Id"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = Headers.Select(h => http.Request.Headers[h].ToString()).FirstOrDefault(v => v.Length > 0);
        if (key is null)
        {
            return await next(context);
        }
        if (key.Length > MaxKeyLength)
        {
            throw ValidationFailed.For("Idempotency-Key", $"Keys are at most {MaxKeyLength} characters.");
        }
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var route = $"{http.Request.Method} {http.Request.Path}";
        var bodyHash = Hash(context.Arguments, json);
        var recorded = await store.ReserveAsync(key, route, bodyHash, http.RequestAborted);
        if (recorded is not null)
        {
            return recorded.BodyHash != bodyHash
                ? throw new Conflict("This Idempotency-Key was already used with a different request body.")
                : recorded.StatusCode == 0
                    ? throw new Conflict("A request with this Idempotency-Key is still being processed; retry shortly.")
                    : new ReplayedResult(recorded.StatusCode, recorded.Location, recorded.ResponseBody);
        }
        try
        {
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
            {
                var body = result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json) : "";
                var location = result.GetType().GetProperty("Location")?.GetValue(result) as string;
                await store.CompleteAsync(key, route, success.StatusCode!.Value, location, body, http.RequestAborted);
                return result;
            }
            await store.ReleaseAsync(key, route);
            return result;
        }
        catch
        {
            await store.ReleaseAsync(key, route);
            throw;
        }
    }

    /// <summary>The request as bound (route values and body), not its bytes: whitespace and key order do not matter.</summary>
    private static string Hash(IList<object?> arguments, JsonSerializerOptions json)
    {
        var bound = arguments.Where(a => a is Guid or string or int or long or bool || a?.GetType().Namespace?.StartsWith("ControlPlane", StringComparison.Ordinal) == true);
        var text = string.Join('\n', bound.Select(a => a is null ? "null" : JsonSerializer.Serialize(a, a.GetType(), json)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private sealed class ReplayedResult(int statusCode, string? location, string body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }
            if (body.Length == 0)
            {
                return Task.CompletedTask;
            }
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.WriteAsync(body);
        }
    }
}
