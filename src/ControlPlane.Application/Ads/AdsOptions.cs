namespace ControlPlane.Application.Ads;

/// <summary>
/// ADS defaults from configuration (section ControlPlane:Ads). The scheduler settings a PUT stores override
/// the first six; the loop's own cadence stays in configuration.
/// </summary>
public sealed class AdsOptions
{
    /// <summary>Seconds a host must stay above the CPU threshold before a hotspot plan (AHV: 15 minutes).</summary>
    public int HotspotWindowSeconds { get; set; } = 900;

    /// <summary>Seconds without a new hotspot plan after one starts.</summary>
    public int BackoffSeconds { get; set; } = 1800;

    public int HaHostFailures { get; set; }
    public bool AdsEnabled { get; set; } = true;
    public bool EnforcementEnabled { get; set; } = true;

    /// <summary>A hot host cools only below threshold minus this band.</summary>
    public double HysteresisPercent { get; set; } = 5;

    /// <summary>How often the loop looks at the cluster.</summary>
    public double IntervalSeconds { get; set; } = 5;

    /// <summary>
    /// How long a host stays UNREACHABLE before its VMs are restarted elsewhere, so hosts that fail together
    /// (or an agent restarting) are seen as such before any VM moves.
    /// </summary>
    public double HaRestartDelaySeconds { get; set; } = 10;

    /// <summary>How often background policy enforcement plans.</summary>
    public double EnforcementIntervalSeconds { get; set; } = 60;
}
