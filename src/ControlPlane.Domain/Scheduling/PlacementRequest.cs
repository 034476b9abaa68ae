namespace ControlPlane.Domain.Scheduling;

/// <summary>A VM to be placed. <see cref="CpuModel"/> names the CPU model it needs at least.</summary>
public sealed record PlacementRequest(
    string Id,
    int Vcpus,
    long MemoryMiB,
    long MemoryReservedMiB,
    double CpuUsedCores = 0,
    IReadOnlyDictionary<string, string>? Categories = null,
    IReadOnlyList<string>? Gpus = null,
    string? CpuModel = null)
{
    /// <summary>The request as a VM on <paramref name="hostId"/>, for planners that treat it as one.</summary>
    public SchedulerVm AsVm(string hostId) =>
        new(Id, hostId, Vcpus, MemoryMiB, MemoryReservedMiB, CpuUsedCores, Categories, Gpus);
}
