using System.Text.Json.Serialization;
using ControlPlane.Application.Common;
using ControlPlane.Application.Dispatch;
using ControlPlane.Application.Events;
using ControlPlane.Application.Scheduling;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Vms;

public static class UpdateVm
{
    /// <summary>Replaces the VM's name, size and categories. A running VM gets a new size at its next power cycle.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Body
    {
        public string Name { get; init; } = "";
        public int Vcpus { get; init; }
        public int MemoryMiB { get; init; }
        public IReadOnlyDictionary<string, string>? Categories { get; init; }
    }

    public sealed record Command(Guid Id, Body Body, long? ExpectedVersion = null) : IRequest<VmResponse>, IConditionalRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.Name).ValidName().OverridePropertyName("name");
            RuleFor(c => c.Body.Vcpus).InclusiveBetween(1, VmRules.MaxVcpus).OverridePropertyName("vcpus");
            RuleFor(c => c.Body.MemoryMiB).InclusiveBetween(1, VmRules.MaxMemoryMiB).OverridePropertyName("memoryMiB");
            RuleFor(c => c.Body.Categories).ValidCategories().OverridePropertyName("categories");
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db, PlacementCommitter committer, TimeProvider clock, DispatchSignal dispatch)
        : IRequestHandler<Command, VmResponse>
    {
        public async Task<VmResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var vm = await db.Vms.SingleOrDefaultAsync(v => v.Id == new VmId(command.Id), cancellationToken)
                ?? throw new NotFound("VM", command.Id);
            db.ExpectVersion(vm, command.ExpectedVersion);
            var grows = command.Body.Vcpus > vm.Vcpus || command.Body.MemoryMiB > vm.MemoryMiB;
            vm.Rename(command.Body.Name);
            vm.Resize(command.Body.Vcpus, command.Body.MemoryMiB);
            vm.SetCategories(command.Body.Categories ?? new Dictionary<string, string>());
            vm.Touch(clock.GetUtcNow());
            db.Record("vm.updated", "vm", vm.Id.Value, new { vm.Name, vm.Vcpus, vm.MemoryMiB, vm.Categories }, clock.GetUtcNow());
            if (grows && vm.PowerState != PowerState.Off)
            {
                await committer.PlaceAndCommitAsync(vm, isNew: false, cancellationToken);
            }
            else
            {
                if (vm.HostId is { } hostId)
                {
                    await db.BumpHostAsync(hostId, cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            dispatch.Notify();
            return VmResponse.From(vm);
        }
    }
}
