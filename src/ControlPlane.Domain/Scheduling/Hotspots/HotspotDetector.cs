namespace ControlPlane.Domain.Scheduling.Hotspots;

/// <summary>
/// Pure state machine for hotspot detection, so the balancer never thrashes: a host must stay above the threshold
/// for the window (hysteresis: it cools only below threshold minus the band), and after a plan starts the cluster
/// backs off. Time and samples are passed in.
/// </summary>
public static class HotspotDetector
{
    public static HotspotDetection Observe(HotspotDetectorState state, DateTimeOffset now, IReadOnlyDictionary<string, double> cpuPercentByHost, HotspotDetectorSettings settings)
    {
        var hotSince = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (host, percent) in cpuPercentByHost)
        {
            var wasHot = state.HotSince.TryGetValue(host, out var since);
            if (percent > settings.ThresholdPercent)
            {
                hotSince[host] = wasHot ? since : now;
            }
            else if (wasHot && percent >= settings.ThresholdPercent - settings.HysteresisPercent)
            {
                hotSince[host] = since;
            }
        }
        var sustained = hotSince.Where(kv => now - kv.Value >= settings.WindowOrDefault).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var backingOff = state.BackOffUntil is { } until && now < until;
        var next = new HotspotDetectorState(hotSince, backingOff ? state.BackOffUntil : null);
        return new HotspotDetection(next, sustained, sustained.Count > 0 && !backingOff, backingOff);
    }

    /// <summary>Records that a plan started at <paramref name="now"/>: back off, and restart every host's window.</summary>
    public static HotspotDetectorState PlanStarted(HotspotDetectorState state, DateTimeOffset now, HotspotDetectorSettings settings) =>
        new(state.HotSince.ToDictionary(kv => kv.Key, _ => now, StringComparer.Ordinal), now + settings.BackOffOrDefault);
}
