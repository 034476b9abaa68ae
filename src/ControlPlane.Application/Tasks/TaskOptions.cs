namespace ControlPlane.Application.Tasks;

public sealed class TaskOptions
{
    /// <summary>How long a power task waits for the VM's agent to report the awaited state.</summary>
    public int PowerTaskTimeoutSeconds { get; set; } = 180;
}
