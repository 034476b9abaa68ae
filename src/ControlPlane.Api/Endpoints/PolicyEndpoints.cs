using ControlPlane.Application.Ads;
using ControlPlane.Application.Policies;
using ControlPlane.Domain.Policies;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

internal static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicyEndpoints(this RouteGroupBuilder api)
    {
        var host = api.MapGroup("/vm-host-affinity-policies").WithTags("Policies").ProducesProblems(400, 404, 409, 412, 428);
        host.MapPost("/", (HostAffinityPolicyBody body, IMediator m, HttpContext http, CancellationToken ct) =>
            Create(SavePolicy.Command.For(PlacementPolicyKind.VmHostAffinity, null, body), "vm-host-affinity-policies", m, http, ct))
            .WithName("CreateVmHostAffinityPolicy").WithIdempotency();
        host.MapPut("/{id:guid}", (Guid id, HostAffinityPolicyBody body, IMediator m, HttpContext http, CancellationToken ct) =>
            Update(SavePolicy.Command.For(PlacementPolicyKind.VmHostAffinity, id, body, ETags.Expected(http)), m, http, ct))
            .WithName("UpdateVmHostAffinityPolicy");
        MapCommon(host, PlacementPolicyKind.VmHostAffinity, "VmHostAffinityPolicy");

        MapGroupPolicy(api, "/vm-anti-affinity-policies", PlacementPolicyKind.VmAntiAffinity, "VmAntiAffinityPolicy");
        MapGroupPolicy(api, "/vm-affinity-policies", PlacementPolicyKind.VmAffinity, "VmAffinityPolicy");
        return api;
    }

    private static void MapGroupPolicy(RouteGroupBuilder api, string prefix, PlacementPolicyKind kind, string name)
    {
        var group = api.MapGroup(prefix).WithTags("Policies").ProducesProblems(400, 404, 409, 412, 428);
        group.MapPost("/", (VmGroupPolicyBody body, IMediator m, HttpContext http, CancellationToken ct) =>
            Create(SavePolicy.Command.For(kind, null, body), prefix.TrimStart('/'), m, http, ct))
            .WithName("Create" + name).WithIdempotency();
        group.MapPut("/{id:guid}", (Guid id, VmGroupPolicyBody body, IMediator m, HttpContext http, CancellationToken ct) =>
            Update(SavePolicy.Command.For(kind, id, body, ETags.Expected(http)), m, http, ct))
            .WithName("Update" + name);
        MapCommon(group, kind, name);
    }

    private static void MapCommon(RouteGroupBuilder group, PlacementPolicyKind kind, string name)
    {
        group.MapGet("/", async (IMediator m, int? page, int? limit, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListPolicies.Query(kind, ListParameters.Paging(page, limit)), ct)))
            .WithName("List" + name + "s");
        group.MapGet("/{id:guid}", async Task<Ok<PolicyResponse>> (Guid id, IMediator m, HttpContext http, CancellationToken ct) =>
        {
            var policy = await m.Send(new GetPolicy.Query(kind, id), ct);
            ETags.Set(http, policy.Version);
            return TypedResults.Ok(policy);
        }).WithName("Get" + name);
        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator m, HttpContext http, CancellationToken ct) =>
        {
            await m.Send(new DeletePolicy.Command(kind, id, ETags.Expected(http)), ct);
            return TypedResults.NoContent();
        }).WithName("Delete" + name);
        group.MapGet("/{id:guid}/compliance", async Task<Ok<PolicyComplianceResponse>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetPolicyCompliance.Query(kind, id), ct)))
            .WithName("Get" + name + "Compliance")
            .WithSummary("Per VM the policy covers: compliant, or not with a typed reason.");
        group.MapPost("/{id:guid}/$actions/re-enforce", async Task<Accepted<PlanResponse>> (Guid id, IMediator m, CancellationToken ct) =>
        {
            var plan = await m.Send(new ReEnforcePolicy.Command(kind, id), ct);
            return TypedResults.Accepted($"/api/v1/scheduler/plans/{plan.Id}", plan);
        }).WithName("ReEnforce" + name)
            .WithSummary("Plans policy enforcement now and runs it; answers the plan (moves are cold and simulated until live migration exists).");
    }

    private static async Task<Created<PolicyResponse>> Create(SavePolicy.Command command, string collection, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var policy = await mediator.Send(command, ct);
        ETags.Set(http, policy.Version);
        return TypedResults.Created($"/api/v1/{collection}/{policy.Id}", policy);
    }

    private static async Task<Ok<PolicyResponse>> Update(SavePolicy.Command command, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var policy = await mediator.Send(command, ct);
        ETags.Set(http, policy.Version);
        return TypedResults.Ok(policy);
    }
}
