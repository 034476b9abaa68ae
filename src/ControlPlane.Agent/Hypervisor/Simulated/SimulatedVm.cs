using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Simulated;

/// <summary>One modelled guest: its spec, power state, devices and CPU load.</summary>
internal sealed record SimulatedVm(DesiredVm Spec, ObservedVmState State, double LoadPercent)
{
    public IReadOnlyList<Guid> NicIds { get; init; } = Spec.Nics.Select(nic => nic.Id).ToList();
    public IReadOnlyList<Guid> DiskIds { get; init; } = Spec.Disks.Select(disk => disk.Id).ToList();

    public bool IsRunning => State is ObservedVmState.Running;

    public VmActual ToActual() => new()
    {
        Id = Spec.Id,
        State = State,
        Spec = Spec,
        NicIds = NicIds,
        DiskIds = DiskIds,
        CpuPercent = IsRunning ? LoadPercent : 0,
        MemoryUsedMiB = State is ObservedVmState.Running or ObservedVmState.Paused ? Spec.MemoryMiB : 0,
    };
}
