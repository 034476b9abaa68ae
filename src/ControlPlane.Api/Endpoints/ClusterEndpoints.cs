using ControlPlane.Application.Clusters;
using ControlPlane.Application.Common;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

internal static class ClusterEndpoints
{
    public static RouteGroupBuilder MapClusterEndpoints(this RouteGroupBuilder api)
    {
        var clusters = api.MapGroup("/clusters").WithTags("Clusters").ProducesProblems(404);
        clusters.MapGet("/", List).WithName("ListClusters");
        clusters.MapGet("/{id:guid}", Get).WithName("GetCluster");
        return api;
    }

    private static async Task<Ok<Page<ClusterResponse>>> List(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListClusters.Query(), ct));

    private static async Task<Ok<ClusterResponse>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCluster.Query(id), ct));
}
