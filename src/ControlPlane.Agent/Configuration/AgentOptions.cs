namespace ControlPlane.Agent.Configuration;

/// <summary>
/// The agent's settings, bound from the <c>Agent</c> configuration section
/// (environment: <c>Agent__ReportIntervalSeconds=5</c>; command line: <c>--Agent:Driver=simulated</c>).
/// </summary>
internal sealed record AgentOptions
{
    public const string SectionName = "Agent";

    /// <summary>Base URL of the control plane: <c>http://host:port</c> or <c>unix:/path.sock</c>.</summary>
    public string ControlPlaneUrl { get; init; } = "";

    /// <summary>The cluster join token, needed only while this host has no identity yet.</summary>
    public string JoinToken { get; init; } = "";

    /// <summary>The host name shown by the control plane.</summary>
    public string Name { get; init; } = Environment.MachineName;

    /// <summary>Where identity, desired state and applied counters persist across restarts.</summary>
    public string DataDir { get; init; } = "agent-data";

    /// <summary>Hypervisor driver: <c>simulated</c> or <c>qemu</c>.</summary>
    public string Driver { get; init; } = "simulated";

    /// <summary>Network driver: <c>none</c> or <c>ovs</c>.</summary>
    public string NetworkDriver { get; init; } = "none";

    public int ReportIntervalSeconds { get; init; } = 2;
    public int ResyncIntervalSeconds { get; init; } = 30;

    /// <summary>How long a guest gets to react to the ACPI power button before it is stopped hard.</summary>
    public int GracefulShutdownTimeoutSeconds { get; init; } = 30;

    /// <summary>The URL the control plane uses to reach this agent; defaults to the first listen URL.</summary>
    public string? AdvertisedUrl { get; init; }

    /// <summary>This host's address on the cluster network (used for migrations), if any.</summary>
    public string? Address { get; init; }

    public SimulatedOptions Simulated { get; init; } = new();

    public TimeSpan ReportInterval => TimeSpan.FromSeconds(ReportIntervalSeconds);
    public TimeSpan ResyncInterval => TimeSpan.FromSeconds(ResyncIntervalSeconds);
    public TimeSpan GracefulShutdownTimeout => TimeSpan.FromSeconds(GracefulShutdownTimeoutSeconds);

    /// <summary>Every problem with these settings, so one start-up failure names them all.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ControlPlaneUrl))
        {
            errors.Add("Agent:ControlPlaneUrl is required (http://host:port or unix:/path.sock).");
        }
        if (string.IsNullOrWhiteSpace(DataDir))
        {
            errors.Add("Agent:DataDir is required.");
        }
        if (ReportIntervalSeconds <= 0 || ResyncIntervalSeconds <= 0 || GracefulShutdownTimeoutSeconds < 0)
        {
            errors.Add("Agent:ReportIntervalSeconds and Agent:ResyncIntervalSeconds must be positive, "
                + "Agent:GracefulShutdownTimeoutSeconds must not be negative.");
        }
        if (Simulated.CpuCores <= 0 || Simulated.MemoryMiB <= 0)
        {
            errors.Add("Agent:Simulated:CpuCores and Agent:Simulated:MemoryMiB must be positive.");
        }
        return errors;
    }
}
