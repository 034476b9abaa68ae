using ControlPlane.Domain.Scheduling.Filters;
using ControlPlane.Domain.Scheduling.Weighers;

namespace ControlPlane.Domain.Scheduling;

/// <summary>
/// Initial placement: runs the filters in order over every host, counting per filter how many hosts it
/// excluded, then scores the survivors with the weighers (each normalised to 0..1 and multiplied by its
/// weight) and picks the best; ties go to the lowest host id so the answer is deterministic. A pure function
/// of the snapshot, so a placement that loses a race at commit is simply re-planned from a fresh snapshot.
/// </summary>
public sealed class Scheduler
{
    private readonly IHostFilter[] _filters;
    private readonly (IHostWeigher Weigher, double Multiplier)[] _weighers;

    public Scheduler(IReadOnlyList<IHostFilter> filters, IReadOnlyList<(IHostWeigher, double)> weighers)
    {
        _filters = [.. filters];
        _weighers = [.. weighers];
    }

    public static IReadOnlyList<IHostFilter> StandardFilters { get; } =
    [
        new HostStateFilter(), new VcpuFilter(), new MemoryFilter(), new GpuFilter(), new CpuCompatibilityFilter(),
        new VmHostAffinityFilter(), new AntiAffinityMustFilter(), new AffinityMustFilter(), new CpuThresholdFilter(),
        new HaReservationFilter(),
    ];

    /// <summary>The live cluster's scheduler: spreads (most free memory), keeps SHOULD rules while it can.</summary>
    public static Scheduler Default { get; } = new(StandardFilters,
        [(new SoftAntiAffinityWeigher(), 10.0), (new SoftAffinityWeigher(), 10.0), (new FreeMemoryWeigher(), 1.0)]);

    /// <summary>Same rules, but packs (least free memory left) to use few hosts.</summary>
    public static Scheduler Packing { get; } = new(StandardFilters,
        [(new SoftAntiAffinityWeigher(), 10.0), (new SoftAffinityWeigher(), 10.0), (new PackingWeigher(), 1.0)]);

    public PlacementDecision Place(ClusterSnapshot snapshot, PlacementRequest request) =>
        Place(snapshot, HostLoad.From(snapshot), request);

    public PlacementDecision Place(ClusterSnapshot snapshot, IReadOnlyDictionary<string, HostLoad> loads, PlacementRequest request)
    {
        var context = PlacementContext.Create(snapshot, loads, request);
        var counts = new int[_filters.Length];
        var candidates = new List<HostLoad>();
        foreach (var host in snapshot.Hosts)
        {
            var load = loads[host.Id];
            var rejectedBy = FirstRejecting(load, context);
            if (rejectedBy < 0)
            {
                candidates.Add(load);
            }
            else
            {
                counts[rejectedBy]++;
            }
        }
        var rejections = new Dictionary<string, int>(_filters.Length, StringComparer.Ordinal);
        for (var i = 0; i < _filters.Length; i++)
        {
            rejections[_filters[i].Name] = counts[i];
        }
        return candidates.Count == 0
            ? new Unplaceable(Explain(snapshot, loads, context)) { Rejections = rejections }
            : Choose(candidates, context, rejections);
    }

    /// <summary>Places the requests one after another, each seeing the capacity the earlier ones took.</summary>
    public IReadOnlyList<PlacementDecision> PlaceAll(ClusterSnapshot snapshot, IReadOnlyList<PlacementRequest> requests)
    {
        var loads = HostLoad.From(snapshot);
        var decisions = new List<PlacementDecision>(requests.Count);
        foreach (var request in requests)
        {
            var decision = Place(snapshot, loads, request);
            if (decision is Placed placed)
            {
                loads[placed.HostId].Add(request, snapshot.PolicySet);
            }
            decisions.Add(decision);
        }
        return decisions;
    }

    private int FirstRejecting(HostLoad load, PlacementContext context)
    {
        for (var i = 0; i < _filters.Length; i++)
        {
            if (!_filters[i].Accepts(load, context))
            {
                return i;
            }
        }
        return -1;
    }

    private Dictionary<string, string> Explain(ClusterSnapshot snapshot, IReadOnlyDictionary<string, HostLoad> loads, PlacementContext context)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var host in snapshot.Hosts)
        {
            var load = loads[host.Id];
            var i = FirstRejecting(load, context);
            reasons[host.Id] = $"{_filters[i].Name}: {_filters[i].Explain(load, context)}";
        }
        return reasons;
    }

    private Placed Choose(List<HostLoad> candidates, PlacementContext context, Dictionary<string, int> rejections)
    {
        var total = new double[candidates.Count];
        var raw = new double[candidates.Count];
        foreach (var (weigher, multiplier) in _weighers)
        {
            var (min, max) = (double.MaxValue, double.MinValue);
            for (var i = 0; i < candidates.Count; i++)
            {
                raw[i] = weigher.Score(candidates[i], context);
                min = Math.Min(min, raw[i]);
                max = Math.Max(max, raw[i]);
            }
            if (max > min)
            {
                for (var i = 0; i < candidates.Count; i++)
                {
                    total[i] += multiplier * (raw[i] - min) / (max - min);
                }
            }
        }
        var best = 0;
        var scores = new Dictionary<string, double>(candidates.Count, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            scores[candidates[i].Host.Id] = total[i];
            if (total[i] > total[best] || (total[i] == total[best]
                && string.CompareOrdinal(candidates[i].Host.Id, candidates[best].Host.Id) < 0))
            {
                best = i;
            }
        }
        return new Placed(candidates[best].Host.Id, scores) { Rejections = rejections };
    }
}
