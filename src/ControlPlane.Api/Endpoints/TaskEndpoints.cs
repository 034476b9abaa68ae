using ControlPlane.Application.Common;
using ControlPlane.Application.Tasks;
using ControlPlane.Domain.Tasks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

internal static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks").ProducesProblems(400, 404, 409);
        tasks.MapGet("/", List).WithName("ListTasks");
        tasks.MapGet("/{id:guid}", Get).WithName("GetTask");
        tasks.MapPost("/{id:guid}/$actions/cancel", Cancel).WithName("CancelTask");
        return api;
    }

    private static async Task<Ok<Page<TaskResponse>>> List(
        IMediator mediator, int? page, int? limit, OperationStatus? status, Guid? entityId, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListTasks.Query(ListParameters.Paging(page, limit), status, entityId), ct));

    private static async Task<Ok<TaskResponse>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetTask.Query(id), ct));

    private static async Task<Ok<TaskResponse>> Cancel(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CancelTask.Command(id), ct));
}
