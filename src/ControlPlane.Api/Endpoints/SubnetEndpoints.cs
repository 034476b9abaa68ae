using ControlPlane.Application.Common;
using ControlPlane.Application.Subnets;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

internal static class SubnetEndpoints
{
    public static RouteGroupBuilder MapSubnetEndpoints(this RouteGroupBuilder api)
    {
        var subnets = api.MapGroup("/subnets").WithTags("Subnets").ProducesProblems(400, 404, 409, 412, 428);
        subnets.MapGet("/", List).WithName("ListSubnets");
        subnets.MapPost("/", Create).WithName("CreateSubnet").WithIdempotency();
        subnets.MapGet("/{id:guid}", Get).WithName("GetSubnet");
        subnets.MapDelete("/{id:guid}", Delete).WithName("DeleteSubnet");
        return api;
    }

    private static async Task<Ok<Page<SubnetResponse>>> List(
        IMediator mediator, int? page, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSubnets.Query(ListParameters.Paging(page, limit)), ct));

    private static async Task<Created<SubnetResponse>> Create(CreateSubnet.Command command, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var subnet = await mediator.Send(command, ct);
        ETags.Set(http, subnet.Version);
        return TypedResults.Created($"/api/v1/subnets/{subnet.Id}", subnet);
    }

    private static async Task<Ok<SubnetResponse>> Get(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var subnet = await mediator.Send(new GetSubnet.Query(id), ct);
        ETags.Set(http, subnet.Version);
        return TypedResults.Ok(subnet);
    }

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        await mediator.Send(new DeleteSubnet.Command(id, ETags.Expected(http)), ct);
        return TypedResults.NoContent();
    }
}
