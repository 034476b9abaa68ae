namespace ControlPlane.Agent.Network.Ovs;

internal static partial class OvsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Started {Daemon} (pid {Pid}) with its files in {Directory}")]
    public static partial void DaemonStarted(ILogger logger, string daemon, int pid, string directory);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Bridge {Bridge} ready: uplink {Bond} ({Mode}) over {Uplinks}")]
    public static partial void HostReady(ILogger logger, string bridge, string bond, string mode, string uplinks);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Port {Tap} for NIC {NicId} of VM {VmId}: {Vlan}")]
    public static partial void PortReady(ILogger logger, string tap, Guid nicId, Guid vmId, string vlan);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Removed port {Tap} of NIC {NicId}")]
    public static partial void PortRemoved(ILogger logger, string tap, Guid nicId);
}
