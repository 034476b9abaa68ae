namespace ControlPlane.Contracts;

/// <summary>
/// What an agent reports (<c>POST /api/v1/agent/hosts/{id}/status</c>) every few seconds and after each
/// change: the generation it has accepted, its capacity and utilisation, and each VM's actual state.
/// It doubles as the heartbeat.
/// </summary>
public sealed record HostStatusReport
{
    public int SchemaVersion { get; init; } = HostDesiredState.CurrentSchemaVersion;
    public required long ObservedGeneration { get; init; }
    public required HostCapacity Capacity { get; init; }
    public HostUsage Usage { get; init; } = new();
    public IReadOnlyList<ObservedVm> Vms { get; init; } = [];
    public string? Driver { get; init; }
}

public sealed record HostCapacity
{
    public required int CpuCores { get; init; }
    public required int MemoryMiB { get; init; }
    public string CpuModel { get; init; } = "qemu64";
    public IReadOnlyDictionary<string, int> Gpus { get; init; } = new Dictionary<string, int>();
}

public sealed record HostUsage
{
    public double CpuPercent { get; init; }
    public int MemoryUsedMiB { get; init; }
}

public sealed record ObservedVm
{
    public required Guid Id { get; init; }
    public required ObservedVmState State { get; init; }
    public double CpuPercent { get; init; }
    public int MemoryUsedMiB { get; init; }

    /// <summary>Bytes per second the guest dirties, when the driver can tell.</summary>
    public long? DirtyRateBytesPerSec { get; init; }

    /// <summary>Why the agent could not bring the VM to its desired state, if it could not.</summary>
    public string? LastError { get; init; }
}
