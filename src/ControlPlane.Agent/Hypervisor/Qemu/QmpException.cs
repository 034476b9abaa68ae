namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>QEMU answered a command with an error, the connection broke, or an answer did not come in time.</summary>
internal sealed class QmpException : Exception
{
    public QmpException(string message, string? errorClass = null)
        : base(message)
    {
        ErrorClass = errorClass;
    }

    public QmpException()
    {
    }

    public QmpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>QMP's error class (GenericError, DeviceNotFound, CommandNotFound...), when QEMU sent one.</summary>
    public string? ErrorClass { get; }
}
