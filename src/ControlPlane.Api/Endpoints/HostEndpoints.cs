using ControlPlane.Application.Categories;
using ControlPlane.Application.Common;
using ControlPlane.Application.Hosts;
using ControlPlane.Application.Tasks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

internal static class HostEndpoints
{
    public static RouteGroupBuilder MapHostEndpoints(this RouteGroupBuilder api)
    {
        var hosts = api.MapGroup("/hosts").WithTags("Hosts").ProducesProblems(400, 404);
        hosts.MapGet("/", List).WithName("ListHosts").Produces<Page<HostResponse>>();
        hosts.MapGet("/{id:guid}", Get).WithName("GetHost").Produces<HostResponse>();
        hosts.MapPost("/{id:guid}/$actions/enter-maintenance", (Guid id, IMediator m, CancellationToken ct) => Maintenance(id, true, m, ct))
            .WithName("EnterHostMaintenance").WithIdempotency();
        hosts.MapPost("/{id:guid}/$actions/exit-maintenance", (Guid id, IMediator m, CancellationToken ct) => Maintenance(id, false, m, ct))
            .WithName("ExitHostMaintenance").WithIdempotency();
        hosts.MapPut("/{id:guid}/categories", SetCategories).WithName("SetHostCategories")
            .WithSummary("Replaces the host's categories ({key: value}), which VM-host affinity policies select hosts by.");
        return api;
    }

    private static async Task<JsonPageBody> List(IMediator mediator, int? page, int? limit, CancellationToken ct) =>
        new(await mediator.Send(new ListHosts.Query(ListParameters.Paging(page, limit)), ct));

    private static async Task<JsonBody> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        new((await mediator.Send(new GetHost.Query(id), ct)).Json);

    private static async Task<Accepted<TaskResponse>> Maintenance(Guid id, bool enter, IMediator mediator, CancellationToken ct)
    {
        var task = await mediator.Send(new SetHostMaintenance.Command(id, enter), ct);
        return TypedResults.Accepted($"/api/v1/tasks/{task.Id}", task);
    }

    private static async Task<Ok<HostResponse>> SetCategories(Guid id, Dictionary<string, string>? categories, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SetHostCategories.Command(id, categories), ct));
}
