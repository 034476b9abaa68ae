using ControlPlane.Agent.State;

namespace ControlPlane.Agent.Api;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer {agentToken}</c>; runs before routing binds
/// any body, so an anonymous caller learns nothing but 401.
/// </summary>
internal sealed class AgentTokenMiddleware(RequestDelegate next, IdentityStore identities, IProblemDetailsService problems)
{
    private const string Scheme = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && identities.IsAgentToken(header[Scheme.Length..].Trim()))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Missing or wrong agent token",
                Detail = "Send the agent token this host gave at registration as 'Authorization: Bearer <token>'.",
            },
        });
    }
}
