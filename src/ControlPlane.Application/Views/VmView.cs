using ControlPlane.Application.Vms;
using ControlPlane.Domain.Vms;

namespace ControlPlane.Application.Views;

/// <summary>
/// A VM as last committed: its API body already serialized, and the few fields the views sort by and
/// sum into host allocations.
/// </summary>
public sealed class VmView
{
    private VmView(Guid id, string name, long version, Guid? hostId, bool reserves, int reservedVcpus, long reservedMemoryMiB, byte[] json)
    {
        Reserves = reserves;
        Id = id;
        Name = name;
        Version = version;
        HostId = hostId;
        ReservedVcpus = reservedVcpus;
        ReservedMemoryMiB = reservedMemoryMiB;
        Json = json;
    }

    public Guid Id { get; }
    public string Name { get; }

    /// <summary>The VM's concurrency version, its ETag.</summary>
    public long Version { get; }

    public Guid? HostId { get; }

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
        return new VmView(vm.Id.Value, vm.Name, vm.Version, vm.HostId?.Value, reserves,
            reserves ? vm.Vcpus : 0,
            reserves ? (vm.MemoryOvercommit ? (long)Math.Ceiling(vm.MemoryMiB * overcommitReserveFraction) : vm.MemoryMiB) : 0,
            Common.ApiJson.Serialize(VmResponse.From(vm)));
    }

    /// <summary>The API's default list order: by name, ties by id (as SQLite orders the same columns).</summary>
    public static readonly IComparer<VmView> ByName = Comparer<VmView>.Create((a, b) =>
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : a.Id.CompareTo(b.Id);
    });
}
