using ControlPlane.Application.Vms;
using ControlPlane.Domain.Scheduling;
using FluentValidation;
using MediatR;
using DomainUnplaceable = ControlPlane.Domain.Scheduling.Unplaceable;

namespace ControlPlane.Application.Scheduling;

public static class PreviewPlacement
{
    /// <summary>What-if: where would this VM go, and why not elsewhere. Changes nothing.</summary>
    public sealed record Query(CreateVm.Command Vm) : IRequest<Response>;

    public sealed record Response(
        bool Placeable,
        Guid? HostId,
        IReadOnlyDictionary<string, double> Scores,
        IReadOnlyDictionary<string, int> Rejections,
        IReadOnlyDictionary<string, string> ReasonsByHost);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Vm).SetValidator(new CreateVm.Validator()).OverridePropertyName("");
    }

    internal sealed class Handler(SnapshotLoader loader) : IRequestHandler<Query, Response>
    {
        public async Task<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await loader.LoadAsync(null, cancellationToken);
            var vm = query.Vm;
            var request = loader.RequestFor(Guid.Empty, vm.Vcpus, vm.MemoryMiB, vm.MemoryOvercommit, vm.CpuModel,
                vm.Categories ?? new Dictionary<string, string>());
            return Scheduler.Default.Place(snapshot, request) switch
            {
                Placed placed => new Response(true, Guid.Parse(placed.HostId), placed.Scores, placed.Rejections, new Dictionary<string, string>()),
                DomainUnplaceable unplaceable => new Response(false, null, new Dictionary<string, double>(), unplaceable.Rejections, unplaceable.ReasonsByHost),
                _ => throw new InvalidOperationException("Unknown placement decision."),
            };
        }
    }
}
