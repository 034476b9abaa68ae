using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// Fewest hosts that could hold everything, from a relaxation where VMs split freely. Every VM's CPU-to-memory ratio
/// (both normalised by total demand) lies in [ρmin, ρmax], so whatever lands on a host uses memory m and CPU c with
/// c/m in that cone, m within its memory and c within its CPU up to the threshold. For each weight λ, a host holds
/// at most the best λ·m + (1−λ)·c over that region, and the chosen hosts must hold λ + (1−λ) = 1: the fewest hosts,
/// best first, that do is a lower bound. The maximum over λ, and never fewer than the hosts already used.
/// </summary>
internal static class HostLowerBound
{
    private const int Steps = 40;

    public static int Of(ClusterState state) => Compute(state).Bound;

    /// <summary>The bound and the host order (best first) at the weight that gave it.</summary>
    public static (int Bound, int[] Ranking) Compute(ClusterState state)
    {
        var connected = Enumerable.Range(0, state.Hosts.Length).Where(state.IsConnected).ToArray();
        var memDemand = Math.Max(1.0, state.Vms.Sum(v => v.MemoryReservedMiB));
        var cpuDemand = Math.Max(1.0, state.VmCpu.Sum());
        var ratios = Enumerable.Range(0, state.Vms.Length)
            .Select(v => state.Vms[v].MemoryReservedMiB <= 0 ? double.PositiveInfinity : state.VmCpu[v] / cpuDemand / (state.Vms[v].MemoryReservedMiB / memDemand)).ToArray();
        var (low, high) = ratios.Length == 0 ? (0.0, double.PositiveInfinity) : (ratios.Min(), ratios.Max());
        var (best, ranking) = (0, connected);
        for (var step = 0; step <= Steps; step++)
        {
            var lambda = (double)step / Steps;
            var value = connected.ToDictionary(h => h, h => Capacity(state.Hosts[h].MemoryMiB / memDemand, state.CpuLimit[h] / cpuDemand, low, high, lambda));
            var order = connected.OrderByDescending(h => value[h]).ThenBy(h => h).ToArray();
            var count = Cover(order.Select(h => value[h]));
            if (count > best)
            {
                (best, ranking) = (count, order);
            }
        }
        var used = Enumerable.Range(0, state.Hosts.Length).Count(h => state.HostOf.Any(x => x == h));
        return (Math.Max(used, best), ranking);
    }

    /// <summary>Max of λ·m + (1−λ)·c over 0 ≤ m ≤ M, 0 ≤ c ≤ C, low·m ≤ c ≤ high·m (a polygon: try its corners).</summary>
    private static double Capacity(double mem, double cpu, double low, double high, double lambda)
    {
        (double M, double C)[] corners =
        [
            (mem, cpu), (mem, Math.Min(cpu, high * mem)), (mem, low * mem),
            (double.IsPositiveInfinity(high) ? 0 : cpu / high, cpu), (low > 0 ? Math.Min(mem, cpu / low) : mem, cpu),
        ];
        return corners.Where(p => p.M <= mem + 1e-12 && p.C <= cpu + 1e-12 && p.C >= (low * p.M) - 1e-12 && p.C <= (high * p.M) + 1e-12)
            .Select(p => (lambda * p.M) + ((1 - lambda) * p.C)).DefaultIfEmpty(0).Max();
    }

    private static int Cover(IEnumerable<double> capacities)
    {
        var (count, sum) = (0, 0.0);
        foreach (var c in capacities)
        {
            if (sum >= 1.0 - 1e-9)
            {
                break;
            }
            sum += c;
            count++;
        }
        return count;
    }
}
