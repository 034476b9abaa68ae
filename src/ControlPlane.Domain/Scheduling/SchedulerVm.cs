namespace ControlPlane.Domain.Scheduling;

/// <summary>
/// A VM already placed. <see cref="MemoryReservedMiB"/> is what it holds on its host (less than
/// <see cref="MemoryMiB"/> only when memory overcommit is on for it); <see cref="MemoryMiB"/> is what a
/// migration copies.
/// </summary>
public sealed record SchedulerVm(
    string Id,
    string HostId,
    int Vcpus,
    long MemoryMiB,
    long MemoryReservedMiB,
    double CpuUsedCores = 0,
    IReadOnlyDictionary<string, string>? Categories = null,
    IReadOnlyList<string>? Gpus = null,
    bool Movable = true);
