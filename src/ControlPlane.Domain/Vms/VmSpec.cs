namespace ControlPlane.Domain.Vms;

/// <summary>The operator's request for a VM, as the domain sees it.</summary>
public sealed record VmSpec(
    string Name,
    int Vcpus,
    int MemoryMiB,
    IReadOnlyDictionary<string, string> Categories,
    bool MemoryOvercommit,
    bool VtpmEnabled,
    string? CpuModel,
    PowerState PowerState,
    string? KernelArgs = null);
