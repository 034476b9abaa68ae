namespace ControlPlane.Domain.Scheduling.Hotspots;

/// <summary>
/// The detector's verdict for one observation: the new state, the hosts that have stayed hot for the whole window,
/// and whether a plan should be made now (some such host, and not backing off).
/// </summary>
public sealed record HotspotDetection(HotspotDetectorState State, IReadOnlyList<string> SustainedHosts, bool PlanNow, bool BackingOff);
