namespace ControlPlane.Domain.Scheduling.Hotspots;

/// <summary>Per host, since when it has been hot; and until when the cluster is backing off after a plan.</summary>
public sealed record HotspotDetectorState(IReadOnlyDictionary<string, DateTimeOffset> HotSince, DateTimeOffset? BackOffUntil = null)
{
    public static HotspotDetectorState Initial { get; } = new(new Dictionary<string, DateTimeOffset>());
}
