using ControlPlane.Api.Auth;
using ControlPlane.Application.Ads;
using ControlPlane.Application.Common;
using ControlPlane.Application.Scheduling;
using ControlPlane.Application.Vms;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

internal static class SchedulerEndpoints
{
    public static RouteGroupBuilder MapSchedulerEndpoints(this RouteGroupBuilder api)
    {
        var scheduler = api.MapGroup("/scheduler").WithTags("Scheduler").ProducesProblems(400);
        scheduler.MapPost("/$actions/place", Place).WithName("PreviewPlacement")
            .WithSummary("What-if: where would this VM go, and why not elsewhere. Changes nothing.")
            .WithMetadata(ReadOnlyOperation.Instance);
        scheduler.MapGet("/settings", GetSettings).WithName("GetSchedulerSettings");
        scheduler.MapPut("/settings", PutSettings).WithName("UpdateSchedulerSettings").ProducesProblems(412, 428);
        scheduler.MapGet("/plans", ListPlans).WithName("ListSchedulerPlans")
            .WithSummary("Current and past plans (hotspot, policy enforcement, HA restart), newest first.");
        scheduler.MapGet("/plans/{id:guid}", GetPlan).WithName("GetSchedulerPlan").ProducesProblems(404);
        return api;
    }

    private static async Task<Ok<PreviewPlacement.Response>> Place(CreateVm.Command vm, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new PreviewPlacement.Query(vm), ct));

    private static async Task<Ok<SchedulerSettingsResponse>> GetSettings(IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var settings = await mediator.Send(new GetSchedulerSettings.Query(), ct);
        ETags.Set(http, settings.Version);
        return TypedResults.Ok(settings);
    }

    private static async Task<Ok<SchedulerSettingsResponse>> PutSettings(UpdateSchedulerSettings.Body body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var settings = await mediator.Send(new UpdateSchedulerSettings.Command(body, ETags.Expected(http)), ct);
        ETags.Set(http, settings.Version);
        return TypedResults.Ok(settings);
    }

    private static async Task<Ok<Page<PlanResponse>>> ListPlans(IMediator mediator, int? page, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Application.Ads.ListPlans.Query(ListParameters.Paging(page, limit)), ct));

    private static async Task<Ok<PlanResponse>> GetPlan(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Application.Ads.GetPlan.Query(id), ct));
}
