using ControlPlane.Application.Common;
using ControlPlane.Application.Tasks;
using ControlPlane.Application.Vms;
using ControlPlane.Domain.Vms;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

internal static class VmEndpoints
{
    private static readonly (string Route, VmPowerAction Action)[] PowerActions =
    [
        ("power-on", VmPowerAction.PowerOn),
        ("power-off", VmPowerAction.PowerOff),
        ("shutdown", VmPowerAction.Shutdown),
        ("reboot", VmPowerAction.Reboot),
        ("reset", VmPowerAction.Reset),
    ];

    public static RouteGroupBuilder MapVmEndpoints(this RouteGroupBuilder api)
    {
        var vms = api.MapGroup("/vms").WithTags("VMs").ProducesProblems(400, 404, 409, 412, 428);
        vms.MapGet("/", List).WithName("ListVms").Produces<Page<VmResponse>>();
        vms.MapPost("/", Create).WithName("CreateVm").WithIdempotency();
        vms.MapGet("/{id:guid}", Get).WithName("GetVm").Produces<VmResponse>();
        vms.MapPut("/{id:guid}", Update).WithName("UpdateVm");
        vms.MapDelete("/{id:guid}", Delete).WithName("DeleteVm");
        foreach (var (route, action) in PowerActions)
        {
            vms.MapPost($"/{{id:guid}}/$actions/{route}", (Guid id, IMediator mediator, CancellationToken ct) => ChangePower(id, action, mediator, ct))
                .WithName($"Vm{action}")
                .WithSummary($"{route} (202 with a task that completes when the VM's agent reports the result)")
                .WithIdempotency();
        }
        return api;
    }

    private static async Task<JsonPageBody> List(
        IMediator mediator, int? page, int? limit, string? name, Guid? hostId, PowerState? powerState, string? orderby, CancellationToken ct) =>
        new(await mediator.Send(new ListVms.Query(ListParameters.Paging(page, limit), name, hostId, powerState, orderby), ct));

    private static async Task<Created<VmResponse>> Create(CreateVm.Command command, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var vm = await mediator.Send(command, ct);
        ETags.Set(http, vm.DesiredGeneration);
        return TypedResults.Created($"/api/v1/vms/{vm.Id}", vm);
    }

    private static async Task<JsonBody> Get(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var vm = await mediator.Send(new GetVm.Query(id), ct);
        ETags.Set(http, vm.Version);
        return new(vm.Json);
    }

    private static async Task<Ok<VmResponse>> Update(Guid id, UpdateVm.Body body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var vm = await mediator.Send(new UpdateVm.Command(id, body, ETags.Expected(http)), ct);
        ETags.Set(http, vm.DesiredGeneration);
        return TypedResults.Ok(vm);
    }

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        await mediator.Send(new DeleteVm.Command(id, ETags.Expected(http)), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<TaskResponse>> ChangePower(Guid id, VmPowerAction action, IMediator mediator, CancellationToken ct)
    {
        var task = await mediator.Send(new ChangeVmPower.Command(id, action), ct);
        return TypedResults.Accepted($"/api/v1/tasks/{task.Id}", task);
    }
}
