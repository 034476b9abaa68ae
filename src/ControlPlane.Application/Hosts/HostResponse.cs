using ControlPlane.Domain.Hosts;

namespace ControlPlane.Application.Hosts;

public sealed record HostResponse(
    Guid Id,
    string Name,
    string? Address,
    int CpuCores,
    int MemoryMiB,
    string CpuModel,
    IReadOnlyDictionary<string, int> Gpus,
    IReadOnlyDictionary<string, string> Categories,
    HostState State,
    AllocatedResponse Allocated,
    UsageResponse Usage,
    string? Driver,
    long DesiredGeneration,
    long ObservedGeneration,
    DateTimeOffset LastHeartbeatAt,
    string? LastDeliveryError)
{
    public static HostResponse From(Host host, AllocatedResponse allocated) => new(
        host.Id.Value,
        host.Name,
        host.Address,
        host.CpuCores,
        host.MemoryMiB,
        host.CpuModel,
        host.Gpus,
        host.Categories,
        host.State,
        allocated,
        new UsageResponse(host.UsageCpuPercent, host.UsageMemoryUsedMiB),
        host.Driver,
        host.DesiredGeneration,
        host.ObservedGeneration,
        host.LastHeartbeatAt,
        host.LastDeliveryError);
}

/// <summary>What placed, powered-on VMs reserve on the host.</summary>
public sealed record AllocatedResponse(int Vcpus, long MemoryMiB, int Vms);

/// <summary>What the host's agent measures.</summary>
public sealed record UsageResponse(double CpuPercent, int MemoryUsedMiB);
