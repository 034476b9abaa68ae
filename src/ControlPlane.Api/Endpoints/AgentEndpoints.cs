using System.Security.Claims;
using ControlPlane.Api.Auth;
using ControlPlane.Application.Common;
using ControlPlane.Application.Hosts;
using ControlPlane.Contracts;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

/// <summary>The routes agents call: registration (join token) and status reports (their own host's token only).</summary>
internal static class AgentEndpoints
{
    public static RouteGroupBuilder MapAgentEndpoints(this RouteGroupBuilder api)
    {
        var agent = api.MapGroup("/agent/hosts").WithTags("Agent").ProducesProblems(400, 401, 403, 404);
        agent.MapPost("/", Register).WithName("RegisterHost").RequireAuthorization(p => p.AddAuthenticationSchemes(AuthSchemes.JoinToken).RequireAuthenticatedUser());
        agent.MapPost("/{id:guid}/status", ReportStatus).WithName("ReportHostStatus")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(AuthSchemes.AgentToken).RequireClaim(AuthSchemes.HostIdClaim));
        return api;
    }

    private static async Task<Results<Created<HostRegistrationResponse>, Ok<HostRegistrationResponse>>> Register(
        HostRegistrationRequest request, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new RegisterHost.Command(request), ct);
        return result.Created
            ? TypedResults.Created($"/api/v1/hosts/{result.Response.HostId}", result.Response)
            : TypedResults.Ok(result.Response);
    }

    private static async Task<NoContent> ReportStatus(Guid id, HostStatusReport report, ClaimsPrincipal agent, IMediator mediator, CancellationToken ct)
    {
        if (agent.FindFirstValue(AuthSchemes.HostIdClaim) != id.ToString())
        {
            throw new Forbidden("An agent token only reports for its own host.");
        }
        await mediator.Send(new ReportHostStatus.Command(id, report), ct);
        return TypedResults.NoContent();
    }
}
