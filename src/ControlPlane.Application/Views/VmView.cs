using ControlPlane.Application.Vms;
using ControlPlane.Domain.Vms;

namespace ControlPlane.Application.Views;

/// <summary>
/// A VM as last committed: its API body already serialized, and the few fields the views sort by and
/// sum into host allocations.
/// </summary>
public sealed class VmView
{
    private VmView(Vm vm, bool reserves, int reservedVcpus, long reservedMemoryMiB, byte[] json)
    {
        Vm = vm;
        Reserves = reserves;
        ReservedVcpus = reservedVcpus;
        ReservedMemoryMiB = reservedMemoryMiB;
        Json = json;
    }

    /// <summary>A detached snapshot, never changed after it was read: what the dispatcher projects and agents' reports compare with.</summary>
    public Vm Vm { get; }

    public Guid Id => Vm.Id.Value;
    public string Name => Vm.Name;

    /// <summary>The VM's concurrency version, its ETag.</summary>
    public long Version => Vm.Version;

    public Guid? HostId => Vm.HostId?.Value;

    /// <summary>What the VM holds on <see cref="HostId"/>: nothing unless it is placed and not powered off.</summary>
    public int ReservedVcpus { get; }

    public long ReservedMemoryMiB { get; }

    /// <summary>Placed and not powered off: counted in its host's allocation.</summary>
    public bool Reserves { get; }

    /// <summary>The <see cref="VmResponse"/> as UTF-8 JSON.</summary>
    public byte[] Json { get; }

    /// <summary>Counts the VM the way the scheduler and <c>HostAllocations</c> do.</summary>
    public static VmView From(Vm vm, double overcommitReserveFraction)
    {
        var reserves = vm.HostId is not null && vm.PowerState != PowerState.Off;
        return new VmView(vm, reserves,
            reserves ? vm.Vcpus : 0,
            reserves ? vm.ReservedMemoryMiB(overcommitReserveFraction) : 0,
            Common.ApiJson.Serialize(VmResponse.From(vm)));
    }
}
