using ControlPlane.Domain.Common;

namespace ControlPlane.Domain.Vms;

/// <summary>
/// A virtual machine: what the operator asked for (desired) beside what its agent last reported
/// (observed). Only agents' reports change the observed part.
/// </summary>
public sealed class Vm
{
    private Vm() { }

    public Vm(VmId id, ClusterId clusterId, VmSpec spec, Guid generationId, DateTimeOffset now)
    {
        Id = id;
        ClusterId = clusterId;
        Name = spec.Name;
        Vcpus = spec.Vcpus;
        MemoryMiB = spec.MemoryMiB;
        Categories = new(spec.Categories);
        MemoryOvercommit = spec.MemoryOvercommit;
        VtpmEnabled = spec.VtpmEnabled;
        CpuModel = spec.CpuModel;
        GenerationId = generationId;
        PowerState = spec.PowerState;
        KernelArgs = spec.KernelArgs;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public VmId Id { get; private set; }
    public ClusterId ClusterId { get; private set; }
    public string Name { get; private set; } = "";
    public int Vcpus { get; private set; }
    public int MemoryMiB { get; private set; }
    public Dictionary<string, string> Categories { get; private set; } = [];
    public bool MemoryOvercommit { get; private set; }
    public bool VtpmEnabled { get; private set; }
    public string? CpuModel { get; private set; }

    /// <summary>Extra kernel command line for direct-kernel-boot guests.</summary>
    public string? KernelArgs { get; private set; }

    /// <summary>Changes when the VM is cloned or restored, so guests can tell (AHV's Generation ID).</summary>
    public Guid GenerationId { get; private set; }

    public PowerState PowerState { get; private set; }
    public ShutdownMode ShutdownMode { get; private set; }
    public long ResetCounter { get; private set; }
    public long RebootCounter { get; private set; }
    public HostId? HostId { get; private set; }
    public List<VmNic> Nics { get; private set; } = [];
    public List<VmDisk> Disks { get; private set; } = [];

    public ObservedState ObservedState { get; private set; }
    public HostId? ObservedHostId { get; private set; }
    public DateTimeOffset? ObservedAt { get; private set; }
    public string? ObservedError { get; private set; }
    public double ObservedCpuPercent { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    /// <summary>Memory the VM holds on its host: all of it, or less when memory is overcommitted.</summary>
    public int ReservedMemoryMiB(double overcommitReserveFraction) => ReservedMemory(MemoryMiB, MemoryOvercommit, overcommitReserveFraction);

    /// <summary>What a VM of <paramref name="memoryMiB"/> holds on its host: all of it, or with overcommit the reserved fraction.</summary>
    public static int ReservedMemory(int memoryMiB, bool memoryOvercommit, double overcommitReserveFraction) =>
        memoryOvercommit ? (int)Math.Ceiling(memoryMiB * overcommitReserveFraction) : memoryMiB;

    public void PlaceOn(HostId hostId) => HostId = hostId;

    public void AddNic(VmNic nic) => Nics.Add(nic);
    public void AddDisk(VmDisk disk) => Disks.Add(disk);

    public void Rename(string name) => Name = name;

    public void Resize(int vcpus, int memoryMiB)
    {
        Vcpus = vcpus;
        MemoryMiB = memoryMiB;
    }

    public void SetCategories(IReadOnlyDictionary<string, string> categories) => Categories = new(categories);

    public void SetPower(PowerState state, ShutdownMode mode)
    {
        PowerState = state;
        ShutdownMode = mode;
    }

    public void RequestReset() => ResetCounter++;
    public void RequestReboot() => RebootCounter++;

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}
