using System.Text.Json.Serialization;
using ControlPlane.Application.Dispatch;
using ControlPlane.Application.Events;
using ControlPlane.Application.Scheduling;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;

namespace ControlPlane.Application.Vms;

public static class CreateVm
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Command : IRequest<VmResponse>
    {
        public string Name { get; init; } = "";
        public int Vcpus { get; init; }
        public int MemoryMiB { get; init; }
        public IReadOnlyDictionary<string, string>? Categories { get; init; }
        public IReadOnlyList<NicRequest>? Nics { get; init; }
        public IReadOnlyList<DiskRequest>? Disks { get; init; }
        public bool MemoryOvercommit { get; init; }
        public bool VtpmEnabled { get; init; }
        public string? CpuModel { get; init; }

        /// <summary>The power state to reach once placed; ON unless stated.</summary>
        public PowerState PowerState { get; init; } = PowerState.On;

        /// <summary>Extra kernel command line for direct-kernel-boot guests (test images).</summary>
        public string? KernelArgs { get; init; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).ValidName();
            RuleFor(c => c.Vcpus).InclusiveBetween(1, VmRules.MaxVcpus);
            RuleFor(c => c.MemoryMiB).InclusiveBetween(1, VmRules.MaxMemoryMiB);
            RuleFor(c => c.Categories).ValidCategories();
            RuleFor(c => c.PowerState).IsInEnum();
            RuleFor(c => c.CpuModel).MaximumLength(64);
            RuleFor(c => c.KernelArgs).MaximumLength(1024);
            RuleFor(c => c.Nics).Must(n => n is null || n.Count <= 16).WithMessage("At most 16 NICs.");
            RuleForEach(c => c.Nics).SetValidator(new NicRequestValidator());
            RuleFor(c => c.Disks).Must(d => d is null || d.Count <= 16).WithMessage("At most 16 disks.");
            RuleForEach(c => c.Disks).ChildRules(disk =>
            {
                disk.RuleFor(d => d.SizeGiB).InclusiveBetween(1, 65_536);
                disk.RuleFor(d => d).Must(d => d.SizeGiB is not null || d.ImageId is not null)
                    .WithName("sizeGiB").WithMessage("Give a size or an image.");
            });
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db, PlacementCommitter committer, NicFactory nics, TimeProvider clock, DispatchSignal dispatch)
        : IRequestHandler<Command, VmResponse>
    {
        public async Task<VmResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var spec = new VmSpec(command.Name, command.Vcpus, command.MemoryMiB, command.Categories ?? new Dictionary<string, string>(),
                command.MemoryOvercommit, command.VtpmEnabled, command.CpuModel, command.PowerState, command.KernelArgs);
            var vm = new Vm(new VmId(Guid.CreateVersion7()), ClusterId.Default, spec, Guid.NewGuid(), now);
            foreach (var nic in await nics.CreateAsync(command.Nics ?? [], cancellationToken))
            {
                vm.AddNic(nic);
            }
            foreach (var disk in command.Disks ?? [])
            {
                vm.AddDisk(new VmDisk(Guid.CreateVersion7(), disk.SizeGiB ?? 0, disk.ImageId));
            }
            db.Record("vm.created", "vm", vm.Id.Value, new { vm.Name, vm.Vcpus, vm.MemoryMiB, vm.PowerState }, now);
            await committer.PlaceAndCommitAsync(vm, isNew: true, cancellationToken);
            dispatch.Notify();
            return VmResponse.From(vm);
        }
    }
}
