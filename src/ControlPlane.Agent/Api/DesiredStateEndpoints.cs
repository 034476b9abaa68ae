using ControlPlane.Agent.Logging;
using ControlPlane.Agent.Reconciliation;
using ControlPlane.Agent.State;
using ControlPlane.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Agent.Api;

/// <summary>
/// <c>PUT /v1/desired-state</c>: the control plane's push. The answer means "stored", never "done": the
/// reconcile loop is only woken up. A stale push is answered with the newer generation already held.
/// </summary>
internal static class DesiredStateEndpoints
{
    public static IEndpointRouteBuilder MapDesiredStateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/desired-state");
        group.MapPut("", PutAsync);
        group.MapGet("", Get);
        return app;
    }

    private static async Task<Results<Ok<DesiredStateAck>, ProblemHttpResult>> PutAsync(
        HostDesiredState pushed,
        IdentityStore identities,
        DesiredStateStore store,
        ResyncTrigger resync,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        if (identities.Current is not { } identity)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Agent not registered yet",
                detail: "This agent has not finished registering; push again shortly.");
        }
        if (pushed.SchemaVersion != HostDesiredState.CurrentSchemaVersion)
        {
            return BadRequest($"Unknown schemaVersion {pushed.SchemaVersion}; this agent speaks {HostDesiredState.CurrentSchemaVersion}.");
        }
        if (pushed.HostId != identity.HostId)
        {
            return BadRequest($"Desired state for host {pushed.HostId} was pushed to host {identity.HostId}.");
        }

        var offer = await store.OfferAsync(pushed, ct);
        var logger = loggers.CreateLogger(typeof(DesiredStateEndpoints));
        if (offer.Stored)
        {
            logger.DesiredStateAccepted(pushed.Generation, pushed.HostId, pushed.Vms.Count);
            resync.Request();
        }
        else
        {
            logger.DesiredStateStale(pushed.Generation, offer.CurrentGeneration);
        }
        return TypedResults.Ok(new DesiredStateAck(offer.CurrentGeneration));
    }

    private static Results<Ok<HostDesiredState>, ProblemHttpResult> Get(DesiredStateStore store) =>
        store.Current is { } current
            ? TypedResults.Ok(current)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No desired state received yet");

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Desired state rejected", detail: detail);
}
