using ControlPlane.Application.Views;
using ControlPlane.Contracts;
using ControlPlane.Domain.Hosts;
using ControlPlane.Domain.Vms;
using DomainShutdown = ControlPlane.Domain.Vms.ShutdownMode;
using DomainVlanMode = ControlPlane.Domain.Vms.VlanMode;
using ContractPower = ControlPlane.Contracts.VmPowerState;
using ContractShutdown = ControlPlane.Contracts.ShutdownMode;
using ContractVlanMode = ControlPlane.Contracts.VlanMode;

namespace ControlPlane.Application.Dispatch;

/// <summary>
/// Projects the complete desired state of one host, as of its current generation, from the views: they are
/// caught up to every commit made before the call, so to the host's generation as it was read.
/// </summary>
internal sealed class DesiredStateProjector(ResourceViews views)
{
    public async Task<HostDesiredState> ProjectAsync(Host host, CancellationToken ct)
    {
        var vms = await views.VmsOnHostAsync(host.Id.Value, ct);
        return new HostDesiredState
        {
            HostId = host.Id.Value,
            Generation = host.DesiredGeneration,
            Vms = [.. vms.Select(v => ToDesired(v.Vm))],
        };
    }

    private static DesiredVm ToDesired(Vm vm) => new()
    {
        Id = vm.Id.Value,
        Name = vm.Name,
        Vcpus = vm.Vcpus,
        MemoryMiB = vm.MemoryMiB,
        PowerState = vm.PowerState switch
        {
            PowerState.On => ContractPower.On,
            PowerState.Paused => ContractPower.Paused,
            _ => ContractPower.Off,
        },
        ShutdownMode = vm.ShutdownMode == DomainShutdown.Graceful ? ContractShutdown.Graceful : ContractShutdown.Hard,
        ResetCounter = vm.ResetCounter,
        RebootCounter = vm.RebootCounter,
        CpuModel = vm.CpuModel,
        GenerationId = vm.GenerationId,
        VtpmEnabled = vm.VtpmEnabled,
        KernelArgs = vm.KernelArgs,
        Nics = [.. vm.Nics.Select(n => new DesiredNic
        {
            Id = n.Id,
            MacAddress = n.MacAddress,
            VlanMode = n.VlanMode == DomainVlanMode.Trunk ? ContractVlanMode.Trunk : ContractVlanMode.Access,
            VlanId = n.VlanId,
            TrunkedVlans = n.TrunkedVlans,
            IpAddress = n.IpAddress,
        })],
        Disks = [.. vm.Disks.Select(d => new DesiredDisk { Id = d.Id, SizeGiB = d.SizeGiB })],
    };
}
