using ControlPlane.Api.Auth;
using ControlPlane.Application.Common;
using ControlPlane.Application.Security;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

internal static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(AuthSetup.AdminPolicy).ProducesProblems(400, 404);
        keys.MapGet("/", List).WithName("ListApiKeys");
        keys.MapPost("/", Create).WithName("CreateApiKey").WithSummary("Creates a key; its secret is in this answer only.");
        keys.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiKey");
        return api;
    }

    private static async Task<Ok<Page<ApiKeyResponse>>> List(IMediator mediator, int? page, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeys.Query(ListParameters.Paging(page, limit)), ct));

    private static async Task<Created<ApiKeyResponse>> Create(CreateApiKey.Command command, IMediator mediator, CancellationToken ct)
    {
        var key = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
    }

    private static async Task<NoContent> Revoke(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeApiKey.Command(id), ct);
        return TypedResults.NoContent();
    }
}
