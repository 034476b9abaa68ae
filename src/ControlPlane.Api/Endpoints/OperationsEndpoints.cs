using ControlPlane.Api.Auth;
using ControlPlane.Application.Audit;
using ControlPlane.Application.Common;
using ControlPlane.Application.Webhooks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

/// <summary>Admin-only operations: the audit log and webhook subscriptions with their delivery logs.</summary>
internal static class OperationsEndpoints
{
    public static RouteGroupBuilder MapOperationsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audits", ListAudits).WithTags("Audit").WithName("ListAudits")
            .RequireAuthorization(AuthSetup.AdminPolicy).ProducesProblems(400);
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(AuthSetup.AdminPolicy).ProducesProblems(400, 404);
        webhooks.MapGet("/", ListWebhooks).WithName("ListWebhooks");
        webhooks.MapPost("/", CreateWebhook).WithName("CreateWebhook").WithSummary("Subscribes a URL; the signing secret is in this answer only.");
        webhooks.MapDelete("/{id:guid}", DeleteWebhook).WithName("DeleteWebhook");
        webhooks.MapGet("/{id:guid}/deliveries", ListDeliveries).WithName("ListWebhookDeliveries");
        return api;
    }

    private static async Task<Ok<Page<AuditResponse>>> ListAudits(IMediator mediator, int? page, int? limit, string? actor, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAudits.Query(ListParameters.Paging(page, limit), actor), ct));

    private static async Task<Ok<Page<WebhookResponse>>> ListWebhooks(IMediator mediator, int? page, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListWebhooks.Query(ListParameters.Paging(page, limit)), ct));

    private static async Task<Created<WebhookResponse>> CreateWebhook(CreateWebhook.Command command, IMediator mediator, CancellationToken ct)
    {
        var webhook = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/v1/webhooks/{webhook.Id}", webhook);
    }

    private static async Task<NoContent> DeleteWebhook(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteWebhook.Command(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Page<WebhookDeliveryResponse>>> ListDeliveries(Guid id, IMediator mediator, int? page, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListWebhookDeliveries.Query(id, ListParameters.Paging(page, limit)), ct));
}
