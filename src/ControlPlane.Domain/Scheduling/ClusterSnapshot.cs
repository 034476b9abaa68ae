namespace ControlPlane.Domain.Scheduling;

/// <summary>
/// Everything the scheduler decides from: hosts, the VMs placed on them, policies and settings.
/// Plain immutable inputs; ids are strings so the same code reads the benchmark format.
/// </summary>
public sealed record ClusterSnapshot(
    IReadOnlyList<SchedulerHost> Hosts,
    IReadOnlyList<SchedulerVm> Vms,
    SchedulerSettings Settings);

public enum SchedulerHostState { Connected, Unreachable, Maintenance }

public sealed record SchedulerHost(
    string Id,
    int CpuCores,
    long MemoryMiB,
    SchedulerHostState State = SchedulerHostState.Connected,
    string CpuModel = "",
    IReadOnlyDictionary<string, string>? Categories = null,
    IReadOnlyDictionary<string, int>? Gpus = null);

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

/// <summary>A VM to be placed.</summary>
public sealed record PlacementRequest(
    string Id,
    int Vcpus,
    long MemoryMiB,
    long MemoryReservedMiB,
    double CpuUsedCores = 0,
    IReadOnlyDictionary<string, string>? Categories = null,
    IReadOnlyList<string>? Gpus = null,
    string? CpuModel = null);

public sealed record SchedulerSettings(
    double CpuThresholdPercent = 85,
    double VcpuAllocationRatio = 4.0,
    int HaHostFailures = 0);
