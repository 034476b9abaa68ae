namespace ControlPlane.Domain.Scheduling;

/// <summary>
/// Cluster-wide scheduler settings. <see cref="HaHostFailures"/> is the number of host failures whose VMs the
/// cluster keeps room to restart (0 = no reservation).
/// </summary>
public sealed record SchedulerSettings(
    double CpuThresholdPercent = 85,
    double VcpuAllocationRatio = 4.0,
    int HaHostFailures = 0);
