using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor;

/// <summary>What the hypervisor reports of one VM it owns.</summary>
internal sealed record VmActual
{
    public required Guid Id { get; init; }
    public required ObservedVmState State { get; init; }

    /// <summary>The spec the VM was defined or started with (its boot-time vCPUs and memory).</summary>
    public DesiredVm? Spec { get; init; }
    public IReadOnlyList<Guid> NicIds { get; init; } = [];
    public IReadOnlyList<Guid> DiskIds { get; init; } = [];
    public double CpuPercent { get; init; }
    public int MemoryUsedMiB { get; init; }
    public long? DirtyRateBytesPerSec { get; init; }
    public int? ProcessId { get; init; }
}
