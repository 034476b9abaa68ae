using ControlPlane.Api.Auth;
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
        return api;
    }

    private static async Task<Ok<PreviewPlacement.Response>> Place(CreateVm.Command vm, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new PreviewPlacement.Query(vm), ct));
}
