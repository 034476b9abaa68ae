namespace ControlPlane.Application.Monitoring;

public sealed class MonitoringOptions
{
    /// <summary>A host whose agent has not reported for this long becomes UNREACHABLE.</summary>
    public double HeartbeatTimeoutSeconds { get; set; } = 15;

    public double CheckIntervalSeconds { get; set; } = 2;
}
