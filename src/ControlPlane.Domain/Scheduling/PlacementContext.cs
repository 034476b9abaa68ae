using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling;

/// <summary>
/// What the filters and weighers need to know about one request, worked out once per decision rather than
/// once per host: the policies it falls under and the cluster-wide HA headroom.
/// </summary>
public sealed class PlacementContext
{
    private PlacementContext(PlacementRequest request, ClusterSnapshot snapshot)
    {
        Request = request;
        Snapshot = snapshot;
        var policies = snapshot.PolicySet;
        HostAffinity = policies.HostAffinity.Where(p => CategoryMatch.Matches(p.VmCategories, request.Categories)).ToArray();
        var anti = policies.AntiAffinity.Where(p => CategoryMatch.Matches(p.Categories, request.Categories)).ToArray();
        AntiAffinityMust = anti.Where(p => p.Enforcement == Enforcement.Must).Select(p => p.Id).ToArray();
        AntiAffinityShould = anti.Where(p => p.Enforcement == Enforcement.Should).Select(p => p.Id).ToArray();
        var together = policies.Affinity.Where(p => CategoryMatch.Matches(p.Categories, request.Categories)).ToArray();
        AffinityMust = together.Where(p => p.Enforcement == Enforcement.Must).Select(p => p.Id).ToArray();
        AffinityShould = together.Where(p => p.Enforcement == Enforcement.Should).Select(p => p.Id).ToArray();
    }

    public PlacementRequest Request { get; }
    public ClusterSnapshot Snapshot { get; }
    public IReadOnlyList<VmHostAffinityPolicy> HostAffinity { get; }
    public IReadOnlyList<string> AntiAffinityMust { get; }
    public IReadOnlyList<string> AntiAffinityShould { get; }
    public IReadOnlyList<string> AffinityMust { get; }
    public IReadOnlyList<string> AffinityShould { get; }

    /// <summary>MUST affinity policies of the request that already have members placed somewhere.</summary>
    public IReadOnlySet<string> AffinityMustPlaced { get; private set; } = new HashSet<string>();

    /// <summary>Free reserved memory left on CONNECTED hosts after this VM minus what k host failures need; negative refuses.</summary>
    public long HaHeadroomMiB { get; private set; } = long.MaxValue;

    public static PlacementContext Create(ClusterSnapshot snapshot, IReadOnlyDictionary<string, HostLoad> loads, PlacementRequest request)
    {
        var context = new PlacementContext(request, snapshot);
        if (context.AffinityMust.Count > 0)
        {
            context.AffinityMustPlaced = context.AffinityMust
                .Where(id => loads.Values.Any(l => l.Members(id) > 0)).ToHashSet(StringComparer.Ordinal);
        }
        var k = snapshot.Settings.HaHostFailures;
        if (k > 0)
        {
            context.HaHeadroomMiB = HaHeadroom(loads.Values, k, request.MemoryReservedMiB);
        }
        return context;
    }

    private static long HaHeadroom(IEnumerable<HostLoad> loads, int k, long requestMiB)
    {
        var connected = loads.Where(l => l.Host.State == SchedulerHostState.Connected).ToArray();
        if (connected.Length <= k)
        {
            return -1;
        }
        var free = connected.Sum(l => l.FreeMemoryMiB) - requestMiB;
        var reserve = connected.Select(l => l.Host.MemoryMiB).OrderDescending().Take(k).Sum();
        return free - reserve;
    }
}
