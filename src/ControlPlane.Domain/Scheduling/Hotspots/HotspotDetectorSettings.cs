namespace ControlPlane.Domain.Scheduling.Hotspots;

/// <summary>
/// When a host counts as a hotspot: above <see cref="ThresholdPercent"/> CPU for the whole <see cref="Window"/>
/// (AHV: 85 % for 15 minutes); it stops counting only once below the threshold minus <see cref="HysteresisPercent"/>.
/// After a plan starts, no new plan for <see cref="BackOff"/> (AHV community: 30 minutes).
/// </summary>
public sealed record HotspotDetectorSettings(
    double ThresholdPercent = 85,
    double HysteresisPercent = 5,
    TimeSpan? Window = null,
    TimeSpan? BackOff = null)
{
    public TimeSpan WindowOrDefault => Window ?? TimeSpan.FromMinutes(15);
    public TimeSpan BackOffOrDefault => BackOff ?? TimeSpan.FromMinutes(30);
}
