using ControlPlane.Domain.Common;

namespace ControlPlane.Domain.Hosts;

/// <summary>
/// A hypervisor host, registered by its agent. Carries the desired-state generation the control plane
/// has produced for it, the one last delivered to the agent, and the one the agent reports it observed.
/// Liveness columns (heartbeat, usage, delivery) are written by set-based updates that leave the
/// concurrency Version alone, so heartbeats never conflict with placement claims.
/// </summary>
public sealed class Host
{
    private Host() { }

    public Host(HostId id, ClusterId clusterId, string name, string agentUrl, string agentToken, string hostTokenHash, DateTimeOffset now)
    {
        Id = id;
        ClusterId = clusterId;
        Name = name;
        AgentUrl = agentUrl;
        AgentToken = agentToken;
        HostTokenHash = hostTokenHash;
        RegisteredAt = now;
        LastHeartbeatAt = now;
        IsReachable = true;
    }

    public HostId Id { get; private set; }
    public ClusterId ClusterId { get; private set; }
    public string Name { get; private set; } = "";
    public string AgentUrl { get; private set; } = "";
    public string? Address { get; private set; }

    /// <summary>The token the control plane presents to the agent when it pushes desired state.</summary>
    public string AgentToken { get; private set; } = "";

    /// <summary>SHA-256 of the token the agent presents to the control plane.</summary>
    public string HostTokenHash { get; private set; } = "";

    public int CpuCores { get; private set; }
    public int MemoryMiB { get; private set; }
    public string CpuModel { get; private set; } = "";
    public Dictionary<string, int> Gpus { get; private set; } = [];
    public Dictionary<string, string> Categories { get; private set; } = [];
    public string? Driver { get; private set; }

    public bool IsReachable { get; private set; }
    public bool InMaintenance { get; private set; }

    public HostState State =>
        !IsReachable ? HostState.Unreachable : InMaintenance ? HostState.Maintenance : HostState.Connected;

    public long DesiredGeneration { get; private set; }
    public long DeliveredGeneration { get; private set; }
    public long ObservedGeneration { get; private set; }
    public DateTimeOffset? LastDeliveryAttemptAt { get; private set; }
    public string? LastDeliveryError { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset LastHeartbeatAt { get; private set; }
    public double UsageCpuPercent { get; private set; }
    public int UsageMemoryUsedMiB { get; private set; }

    public long Version { get; private set; }

    public void UpdateInventory(int cpuCores, int memoryMiB, string cpuModel, IReadOnlyDictionary<string, int> gpus)
    {
        CpuCores = cpuCores;
        MemoryMiB = memoryMiB;
        CpuModel = cpuModel;
        Gpus = new Dictionary<string, int>(gpus);
    }

    public void Reregister(string agentUrl, string? address, string agentToken, string hostTokenHash)
    {
        AgentUrl = agentUrl;
        Address = address;
        AgentToken = agentToken;
        HostTokenHash = hostTokenHash;
        DeliveredGeneration = 0;
    }

    /// <summary>Marks that this host's desired state changed; the dispatcher will push the new generation.</summary>
    public void BumpGeneration() => DesiredGeneration++;

    public void EnterMaintenance() => InMaintenance = true;
    public void ExitMaintenance() => InMaintenance = false;
    public void SetCategories(IReadOnlyDictionary<string, string> categories) => Categories = new(categories);
}
