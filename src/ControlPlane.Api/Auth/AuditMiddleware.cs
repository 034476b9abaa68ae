using System.Diagnostics;
using System.Security.Claims;
using ControlPlane.Api.Endpoints;
using ControlPlane.Application.Audit;

namespace ControlPlane.Api.Auth;

/// <summary>
/// Audits every mutation on the API (who, what, when, request and idempotency ids, outcome), refused ones
/// included. Agents' status reports are heartbeats, not mutations, and are left out.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, AuditWriter audit)
    {
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || !http.Request.Path.StartsWithSegments("/api/v1", StringComparison.Ordinal)
            || (http.Request.Path.StartsWithSegments("/api/v1/agent/hosts", StringComparison.Ordinal) && http.Request.Path.Value!.EndsWith("/status", StringComparison.Ordinal)))
        {
            await next(http);
            return;
        }
        // Read before the request runs: the exception handler clears the endpoint when it takes over.
        var operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        try
        {
            await next(http);
        }
        finally
        {
            await audit.WriteAsync(Actor(http.User), method, http.Request.Path.Value ?? "", operation,
                http.Response.StatusCode, Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
                IdempotencyFilter.Headers.Select(h => http.Request.Headers[h].ToString()).FirstOrDefault(v => v.Length > 0));
        }
    }

    private static string Actor(ClaimsPrincipal user) =>
        user.FindFirstValue(AuthSchemes.KeyIdClaim) is { } keyId ? $"key:{user.Identity!.Name}:{keyId}"
        : user.FindFirstValue(AuthSchemes.HostIdClaim) is { } hostId ? $"agent:{hostId}"
        : user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "authenticated"
        : "anonymous";
}
