using System.Buffers;
using ControlPlane.Domain.Scheduling.Filters;
using ControlPlane.Domain.Scheduling.Weighers;

namespace ControlPlane.Domain.Scheduling;

/// <summary>
/// Initial placement: runs the filters in order over every host, counting per filter how many hosts it
/// excluded, then scores the survivors with the weighers (each normalised to 0..1 and multiplied by its
/// weight) and picks the best; ties go to the lowest host id so the answer is deterministic. A pure function
/// of the snapshot, so a placement that loses a race at commit is simply re-planned from a fresh snapshot.
/// The decision carries the scores of the best <see cref="ScoresReported"/> candidates (all of them on small clusters).
/// </summary>
public sealed class Scheduler
{
    public const int ScoresReported = 32;

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
        var candidates = ArrayPool<HostLoad>.Shared.Rent(snapshot.Hosts.Count);
        try
        {
            var found = 0;
            foreach (var load in HostsOf(snapshot, loads))
            {
                var rejectedBy = FirstRejecting(load, context);
                if (rejectedBy < 0)
                {
                    candidates[found++] = load;
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
            return found == 0
                ? new Unplaceable(Explain(snapshot, loads, context)) { Rejections = rejections }
                : Choose(candidates.AsSpan(0, found), context, rejections);
        }
        finally
        {
            ArrayPool<HostLoad>.Shared.Return(candidates, clearArray: true);
        }
    }

    /// <summary>
    /// The commit-time check for optimistic concurrency: does <paramref name="hostId"/> still pass every filter for
    /// the request in a fresh snapshot? Returns the filters that now reject it with their reasons (empty = claim it);
    /// on any rejection the caller re-plans with <see cref="Place(ClusterSnapshot, PlacementRequest)"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Recheck(ClusterSnapshot snapshot, string hostId, PlacementRequest request)
    {
        var loads = HostLoad.From(snapshot);
        if (!loads.TryGetValue(hostId, out var load))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal) { ["HostStateFilter"] = $"host {hostId} is gone" };
        }
        var context = PlacementContext.Create(snapshot, loads, request);
        return _filters.Where(f => !f.Accepts(load, context)).ToDictionary(f => f.Name, f => f.Explain(load, context), StringComparer.Ordinal);
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

    /// <summary>The loads of the snapshot's hosts; iterated directly when they are exactly those (no lookups), since ties break by id anyway.</summary>
    private static IEnumerable<HostLoad> HostsOf(ClusterSnapshot snapshot, IReadOnlyDictionary<string, HostLoad> loads) =>
        loads.Count == snapshot.Hosts.Count && loads is Dictionary<string, HostLoad> dictionary
            ? dictionary.Values
            : snapshot.Hosts.Select(h => loads[h.Id]);

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

    private Placed Choose(ReadOnlySpan<HostLoad> candidates, PlacementContext context, Dictionary<string, int> rejections)
    {
        var total = ArrayPool<double>.Shared.Rent(candidates.Length);
        var raw = ArrayPool<double>.Shared.Rent(candidates.Length);
        try
        {
            Array.Clear(total, 0, candidates.Length);
            foreach (var (weigher, multiplier) in _weighers)
            {
                var (min, max) = (double.MaxValue, double.MinValue);
                for (var i = 0; i < candidates.Length; i++)
                {
                    raw[i] = weigher.Score(candidates[i], context);
                    min = Math.Min(min, raw[i]);
                    max = Math.Max(max, raw[i]);
                }
                if (max > min)
                {
                    for (var i = 0; i < candidates.Length; i++)
                    {
                        total[i] += multiplier * (raw[i] - min) / (max - min);
                    }
                }
            }
            var best = 0;
            for (var i = 1; i < candidates.Length; i++)
            {
                if (Better(total[i], candidates[i], total[best], candidates[best]))
                {
                    best = i;
                }
            }
            return new Placed(candidates[best].Host.Id, TopScores(candidates, total)) { Rejections = rejections };
        }
        finally
        {
            ArrayPool<double>.Shared.Return(total);
            ArrayPool<double>.Shared.Return(raw);
        }
    }

    private static bool Better(double score, HostLoad host, double bestScore, HostLoad bestHost) =>
        score > bestScore || (score == bestScore && string.CompareOrdinal(host.Host.Id, bestHost.Host.Id) < 0);

    /// <summary>The best candidates' scores, keeping only the top few so a decision stays small on large clusters.</summary>
    private static Dictionary<string, double> TopScores(ReadOnlySpan<HostLoad> candidates, double[] total)
    {
        var top = new List<int>(ScoresReported + 1);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (top.Count == ScoresReported && !Better(total[i], candidates[i], total[top[^1]], candidates[top[^1]]))
            {
                continue;
            }
            var at = top.Count;
            while (at > 0 && Better(total[i], candidates[i], total[top[at - 1]], candidates[top[at - 1]]))
            {
                at--;
            }
            top.Insert(at, i);
            if (top.Count > ScoresReported)
            {
                top.RemoveAt(top.Count - 1);
            }
        }
        var scores = new Dictionary<string, double>(top.Count, StringComparer.Ordinal);
        foreach (var i in top)
        {
            scores[candidates[i].Host.Id] = total[i];
        }
        return scores;
    }
}
