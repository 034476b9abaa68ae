using ControlPlane.Domain.Scheduling.Filters;
using ControlPlane.Domain.Scheduling.Weighers;

namespace ControlPlane.Domain.Scheduling;

/// <summary>
/// Initial placement: runs the filters in order over every host, counting per filter how many hosts it
/// excluded, then scores the survivors with the weighers (each normalised to 0..1 and multiplied by its
/// weight) and picks the best; ties go to the lowest host id so the answer is deterministic.
/// </summary>
public sealed class Scheduler
{
    private readonly IReadOnlyList<IHostFilter> _filters;
    private readonly IReadOnlyList<(IHostWeigher Weigher, double Multiplier)> _weighers;

    public Scheduler(IReadOnlyList<IHostFilter> filters, IReadOnlyList<(IHostWeigher, double)> weighers)
    {
        _filters = filters;
        _weighers = weighers;
    }

    public static Scheduler Default { get; } = new(
        [new HostStateFilter(), new VcpuFilter(), new MemoryFilter()],
        [(new FreeMemoryWeigher(), 1.0)]);

    public PlacementDecision Place(ClusterSnapshot snapshot, PlacementRequest request) =>
        Place(snapshot, HostLoad.From(snapshot), request);

    public PlacementDecision Place(ClusterSnapshot snapshot, IReadOnlyDictionary<string, HostLoad> loads, PlacementRequest request)
    {
        var rejections = _filters.ToDictionary(f => f.Name, _ => 0, StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var candidates = new List<HostLoad>();
        foreach (var host in snapshot.Hosts)
        {
            var load = loads[host.Id];
            var rejectedBy = Reject(load, request, snapshot);
            if (rejectedBy is null)
            {
                candidates.Add(load);
                continue;
            }
            rejections[rejectedBy.Value.Filter]++;
            reasons[host.Id] = $"{rejectedBy.Value.Filter}: {rejectedBy.Value.Reason}";
        }
        if (candidates.Count == 0)
        {
            return new Unplaceable(reasons) { Rejections = rejections };
        }
        var scores = Score(candidates, request);
        var best = candidates
            .OrderByDescending(c => scores[c.Host.Id])
            .ThenBy(c => c.Host.Id, StringComparer.Ordinal)
            .First();
        return new Placed(best.Host.Id, scores) { Rejections = rejections };
    }

    private (string Filter, string Reason)? Reject(HostLoad load, PlacementRequest request, ClusterSnapshot snapshot)
    {
        foreach (var filter in _filters)
        {
            if (filter.Reject(load, request, snapshot) is { } reason)
            {
                return (filter.Name, reason);
            }
        }
        return null;
    }

    private Dictionary<string, double> Score(List<HostLoad> candidates, PlacementRequest request)
    {
        var total = candidates.ToDictionary(c => c.Host.Id, _ => 0.0, StringComparer.Ordinal);
        foreach (var (weigher, multiplier) in _weighers)
        {
            var raw = candidates.Select(c => weigher.Score(c, request)).ToArray();
            var (min, max) = (raw.Min(), raw.Max());
            for (var i = 0; i < candidates.Count; i++)
            {
                var normalised = max > min ? (raw[i] - min) / (max - min) : 0.0;
                total[candidates[i].Host.Id] += multiplier * normalised;
            }
        }
        return total;
    }
}
