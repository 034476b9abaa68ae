using ControlPlane.Domain.Common;

namespace ControlPlane.Domain.Policies;

/// <summary>
/// The cluster's scheduler settings as set through the API (one row per cluster, written on the first PUT; until
/// then the configured defaults apply).
/// </summary>
public sealed class SchedulerConfig
{
    private SchedulerConfig() { }

    public SchedulerConfig(ClusterId clusterId, SchedulerConfigValues values)
    {
        ClusterId = clusterId;
        Set(values);
    }

    public ClusterId ClusterId { get; private set; }
    public double CpuThresholdPercent { get; private set; }
    public int HotspotWindowSeconds { get; private set; }
    public int BackoffSeconds { get; private set; }
    public int HaHostFailures { get; private set; }
    public bool AdsEnabled { get; private set; }
    public bool EnforcementEnabled { get; private set; }
    public long Version { get; private set; }

    public SchedulerConfigValues Values => new(CpuThresholdPercent, HotspotWindowSeconds, BackoffSeconds, HaHostFailures, AdsEnabled, EnforcementEnabled);

    public void Set(SchedulerConfigValues values)
    {
        CpuThresholdPercent = values.CpuThresholdPercent;
        HotspotWindowSeconds = values.HotspotWindowSeconds;
        BackoffSeconds = values.BackoffSeconds;
        HaHostFailures = values.HaHostFailures;
        AdsEnabled = values.AdsEnabled;
        EnforcementEnabled = values.EnforcementEnabled;
    }
}

public sealed record SchedulerConfigValues(
    double CpuThresholdPercent,
    int HotspotWindowSeconds,
    int BackoffSeconds,
    int HaHostFailures,
    bool AdsEnabled,
    bool EnforcementEnabled);
