namespace ControlPlane.Domain.Scheduling;

public sealed record SchedulerHost(
    string Id,
    int CpuCores,
    long MemoryMiB,
    SchedulerHostState State = SchedulerHostState.Connected,
    string CpuModel = "",
    IReadOnlyDictionary<string, string>? Categories = null,
    IReadOnlyDictionary<string, int>? Gpus = null);
