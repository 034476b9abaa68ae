namespace ControlPlane.Agent.Hypervisor.Qemu;

internal static partial class QemuLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Started VM {VmId}: qemu pid {Pid}")]
    public static partial void Started(ILogger logger, Guid vmId, int pid);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Stopped VM {VmId} (pid {Pid})")]
    public static partial void Stopped(ILogger logger, Guid vmId, int pid);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Adopted VM {VmId}: qemu pid {Pid}, QMP {Connected}")]
    public static partial void Adopted(ILogger logger, Guid vmId, int pid, bool connected);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "VM {VmId}: qemu pid {Pid} is gone; it was {Intent}")]
    public static partial void ProcessGone(ILogger logger, Guid vmId, int pid, VmIntent intent);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "VM {VmId}: QMP unavailable: {Reason}")]
    public static partial void QmpUnavailable(ILogger logger, Guid vmId, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "VM {VmId}: QMP event {Event}")]
    public static partial void Event(ILogger logger, Guid vmId, string @event);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "VM {VmId}: qemu did not exit after quit; killing pid {Pid}")]
    public static partial void Killing(ILogger logger, Guid vmId, int pid);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "VM {VmId}: {Kind} {DeviceId} {Action}")]
    public static partial void Device(ILogger logger, Guid vmId, string kind, string deviceId, string action);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Skipping {Directory}: {Reason}")]
    public static partial void SkippedDirectory(ILogger logger, string directory, string reason);
}
