using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.Hypervisor.Simulated;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Agent.Api;

/// <summary>
/// Knobs of the simulated hypervisor for tests (e.g. making a host hot for the scheduler). They answer
/// 404 unless the simulated driver is active.
/// </summary>
internal static class SimulationEndpoints
{
    public static IEndpointRouteBuilder MapSimulationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/v1/simulation/vms/{vmId:guid}/load", PutLoad);
        return app;
    }

    private static Results<NoContent, ProblemHttpResult> PutLoad(Guid vmId, SimulatedLoad load, IHypervisor hypervisor)
    {
        if (load.CpuPercent is < 0 or > 100 || double.IsNaN(load.CpuPercent))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid load",
                detail: "cpuPercent must be between 0 and 100.");
        }
        if (hypervisor is not SimulatedHypervisor simulated)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The simulated hypervisor is not active");
        }
        return simulated.TrySetLoad(vmId, load.CpuPercent)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No VM {vmId} on this host");
    }
}
