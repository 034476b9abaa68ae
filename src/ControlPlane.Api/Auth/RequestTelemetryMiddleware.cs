using System.Diagnostics;
using ControlPlane.Application.Observability;

namespace ControlPlane.Api.Auth;

/// <summary>
/// Gives every request an id (the W3C trace id) in a logging scope and in the X-Request-Id response header,
/// and times it by route pattern for /metrics.
/// </summary>
internal sealed class RequestTelemetryMiddleware(RequestDelegate next, ControlPlaneMetrics metrics, ILogger<RequestTelemetryMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var requestId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        http.Response.Headers["X-Request-Id"] = requestId;
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
        var started = Stopwatch.GetTimestamp();
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId }))
        {
            try
            {
                await next(http);
            }
            finally
            {
                metrics.RequestDuration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds,
                    http.Request.Method, route, $"{http.Response.StatusCode / 100}xx");
            }
        }
    }
}
