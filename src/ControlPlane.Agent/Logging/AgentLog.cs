namespace ControlPlane.Agent.Logging;

/// <summary>
/// Every log line the agent writes, with stable event ids: 1xxx start-up and identity, 2xxx desired
/// state, 3xxx reconciliation, 4xxx reporting. Tokens are never among the fields.
/// </summary>
internal static partial class AgentLog
{
    [LoggerMessage(1001, LogLevel.Information, "Agent starting with hypervisor {Driver} and network {NetworkDriver}")]
    public static partial void Starting(this ILogger logger, string driver, string networkDriver);

    [LoggerMessage(1002, LogLevel.Information, "Registered with the control plane as host {HostId}")]
    public static partial void Registered(this ILogger logger, Guid hostId);

    [LoggerMessage(1003, LogLevel.Warning, "Registration failed ({Reason}); retrying in {RetryIn}")]
    public static partial void RegistrationFailed(this ILogger logger, string reason, TimeSpan retryIn);

    [LoggerMessage(1004, LogLevel.Warning, "The control plane no longer knows host {HostId}; registering again")]
    public static partial void HostForgotten(this ILogger logger, Guid hostId);

    [LoggerMessage(1005, LogLevel.Information, "Adopted {Count} VMs from before the restart")]
    public static partial void Adopted(this ILogger logger, int count);

    [LoggerMessage(1006, LogLevel.Information, "Loaded identity of host {HostId}")]
    public static partial void IdentityLoaded(this ILogger logger, Guid hostId);

    [LoggerMessage(2001, LogLevel.Information, "Accepted desired state generation {Generation} for host {HostId} with {VmCount} VMs")]
    public static partial void DesiredStateAccepted(this ILogger logger, long generation, Guid hostId, int vmCount);

    [LoggerMessage(2002, LogLevel.Debug, "Ignored stale desired state generation {Generation}; holding {CurrentGeneration}")]
    public static partial void DesiredStateStale(this ILogger logger, long generation, long currentGeneration);

    [LoggerMessage(2003, LogLevel.Information, "Loaded desired state generation {Generation} for host {HostId}")]
    public static partial void DesiredStateLoaded(this ILogger logger, long generation, Guid hostId);

    [LoggerMessage(3001, LogLevel.Information, "VM {VmId}: applying {Actions} (generation {Generation})")]
    public static partial void Applying(this ILogger logger, Guid vmId, string actions, long generation);

    [LoggerMessage(3002, LogLevel.Warning, "VM {VmId}: reconcile failed at generation {Generation}; will retry")]
    public static partial void ReconcileFailed(this ILogger logger, Exception exception, Guid vmId, long generation);

    [LoggerMessage(3003, LogLevel.Error, "VM {VmId}: cannot reach its desired state at generation {Generation}: {Reason}")]
    public static partial void ReconcileTerminal(this ILogger logger, Guid vmId, long generation, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "VM {VmId}: guest ignored the power button for {Timeout}; stopping it hard")]
    public static partial void PowerdownTimedOut(this ILogger logger, Guid vmId, TimeSpan timeout);

    [LoggerMessage(3005, LogLevel.Warning, "Host network could not be applied for generation {Generation}")]
    public static partial void HostNetworkFailed(this ILogger logger, Exception exception, long generation);

    [LoggerMessage(3006, LogLevel.Warning, "Resync could not list the hypervisor's VMs")]
    public static partial void ResyncFailed(this ILogger logger, Exception exception);

    [LoggerMessage(4001, LogLevel.Warning, "Status report for host {HostId} failed ({Reason}); retrying next tick")]
    public static partial void ReportFailed(this ILogger logger, Guid hostId, string reason);

    [LoggerMessage(4002, LogLevel.Debug, "Reported status of host {HostId} at generation {Generation} with {VmCount} VMs")]
    public static partial void Reported(this ILogger logger, Guid hostId, long generation, int vmCount);
}
