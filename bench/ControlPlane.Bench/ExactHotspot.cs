using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Bench;

/// <summary>
/// Brute force, independent of the planner: the least memory any sequence of up to <c>maxMoves</c> single moves
/// copies to bring every CONNECTED host under the threshold (memory checked at each move, MUST rules kept, a VM may
/// move twice, targets may be hot mid-plan). Null when no such sequence exists.
/// </summary>
internal static class ExactHotspot
{
    public static long? MinCost(ClusterSnapshot snapshot, int maxMoves = 4)
    {
        var search = new Search(snapshot, maxMoves);
        search.Run(0, 0);
        return search.Best;
    }

    private sealed class Search
    {
        private readonly SchedulerHost[] _hosts;
        private readonly SchedulerVm[] _vms;
        private readonly int[] _at;
        private readonly double[] _limit;
        private readonly int _maxMoves;
        private readonly PolicySet _policies;
        private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);

        public Search(ClusterSnapshot snapshot, int maxMoves)
        {
            _hosts = [.. snapshot.Hosts];
            _vms = [.. snapshot.Vms.OrderBy(v => v.MemoryMiB)];
            _at = [.. _vms.Select(v => Array.FindIndex(_hosts, h => h.Id == v.HostId))];
            _limit = [.. _hosts.Select(h => h.CpuCores * snapshot.Settings.CpuThresholdPercent / 100.0 + 1e-9)];
            _maxMoves = maxMoves;
            _policies = snapshot.PolicySet;
        }

        public long? Best { get; private set; }

        public void Run(int depth, long cost)
        {
            if (cost >= (Best ?? long.MaxValue))
            {
                return;
            }
            var key = string.Join(',', _at);
            if (_seen.TryGetValue(key, out var seen) && seen <= cost)
            {
                return;
            }
            _seen[key] = cost;
            if (Enumerable.Range(0, _hosts.Length).All(h => _hosts[h].State != SchedulerHostState.Connected || Cpu(h) <= _limit[h]))
            {
                Best = cost;
                return;
            }
            if (depth == _maxMoves)
            {
                return;
            }
            for (var v = 0; v < _vms.Length; v++)
            {
                var from = _at[v];
                for (var h = 0; h < _hosts.Length && _vms[v].Movable; h++)
                {
                    if (h == from || !Fits(v, h))
                    {
                        continue;
                    }
                    _at[v] = h;
                    Run(depth + 1, cost + _vms[v].MemoryMiB);
                    _at[v] = from;
                }
            }
        }

        private double Cpu(int h) => Enumerable.Range(0, _vms.Length).Where(v => _at[v] == h).Sum(v => _vms[v].CpuUsedCores);

        private bool Fits(int v, int h)
        {
            var vm = _vms[v];
            var host = _hosts[h];
            if (host.State != SchedulerHostState.Connected || vm.Vcpus > host.CpuCores
                || Enumerable.Range(0, _vms.Length).Where(u => _at[u] == h).Sum(u => _vms[u].MemoryReservedMiB) + vm.MemoryReservedMiB > host.MemoryMiB)
            {
                return false;
            }
            if (_policies.HostAffinity.Any(p => CategoryMatch.Matches(p.VmCategories, vm.Categories) && !CategoryMatch.Matches(p.HostCategories, host.Categories)))
            {
                return false;
            }
            return !_policies.AntiAffinity.Any(p => p.Enforcement == Enforcement.Must && CategoryMatch.Matches(p.Categories, vm.Categories)
                && Enumerable.Range(0, _vms.Length).Any(u => u != v && _at[u] == h && CategoryMatch.Matches(p.Categories, _vms[u].Categories)));
        }
    }
}
