namespace ControlPlane.Application.Scheduling;

/// <summary>Scheduler settings from configuration (section ControlPlane:Scheduling).</summary>
public sealed class SchedulingOptions
{
    /// <summary>Share of its memory an overcommitted VM reserves on its host.</summary>
    public double OvercommitReserveFraction { get; set; } = 0.5;

    public double CpuThresholdPercent { get; set; } = 85;

    /// <summary>How often a placement is re-planned when a concurrent commit claimed the same host first.</summary>
    public int MaxPlacementAttempts { get; set; } = 16;
}
