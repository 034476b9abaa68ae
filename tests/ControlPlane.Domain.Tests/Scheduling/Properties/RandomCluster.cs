using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling.Properties;

/// <summary>
/// Seeded random clusters with policies: hosts of mixed shapes, states, racks and vGPUs; VMs placed by the scheduler
/// itself (so the starting state is valid); categories that fall under host affinity, MUST and SHOULD anti-affinity.
/// </summary>
internal static class RandomCluster
{
    public static readonly PolicySet Policies = new(
        [new VmHostAffinityPolicy("db-on-a", Build.Select("app=db"), Build.Select("rack=a"))],
        [new VmVmAntiAffinityPolicy("web-apart", Build.Select("app=web"), Enforcement.Must), new VmVmAntiAffinityPolicy("db-apart", Build.Select("app=db"))],
        [new VmVmAffinityPolicy("cache-together", Build.Select("app=cache"), Enforcement.Must)]);

    private static readonly string[] Apps = ["db", "web", "cache", "batch", "batch"];

    public static ClusterSnapshot Create(int seed, int hostCount, int vmCount, int haFailures = 0)
    {
        var random = new Random(seed);
        var hosts = Enumerable.Range(1, hostCount).Select(i => Build.Host($"h{i}", random.Next(2, 5) * 4, random.Next(2, 6) * 8192,
            random.Next(8) == 0 ? SchedulerHostState.Maintenance : SchedulerHostState.Connected, "Skylake-Server",
            [random.Next(2) == 0 ? "rack=a" : "rack=b"], random.Next(3) == 0 ? new Dictionary<string, int> { ["A16-4Q"] = 2 } : null)).ToArray();
        var empty = Build.Snapshot(hosts, [], Policies, new SchedulerSettings(HaHostFailures: haFailures));
        var requests = Enumerable.Range(0, vmCount).Select(i => Request(random, $"v{i}")).ToArray();
        var decisions = Scheduler.Default.PlaceAll(empty, requests);
        var vms = requests.Zip(decisions).Where(z => z.Second is Placed)
            .Select(z => z.First.AsVm(((Placed)z.Second).HostId) with { Movable = random.Next(10) > 0 }).ToArray();
        return empty with { Vms = vms };
    }

    public static PlacementRequest Request(Random random, string id)
    {
        var memory = random.Next(1, 5) * 2048L;
        var app = Apps[random.Next(Apps.Length)];
        return new PlacementRequest(id, random.Next(1, 9), memory, random.Next(4) == 0 ? memory / 2 : memory, Math.Round(random.NextDouble() * 3, 2),
            new Dictionary<string, string> { ["app"] = app }, random.Next(6) == 0 ? ["A16-4Q"] : null);
    }

    /// <summary>The same cluster with every VM on one random host using more CPU, so that host is probably hot.</summary>
    public static ClusterSnapshot WithHotspot(ClusterSnapshot snapshot, int seed)
    {
        var random = new Random(seed);
        var hot = snapshot.Hosts[random.Next(snapshot.Hosts.Count)].Id;
        return snapshot with { Vms = [.. snapshot.Vms.Select(v => v.HostId == hot ? v with { CpuUsedCores = Math.Min(v.Vcpus, v.CpuUsedCores * 2.5) } : v)] };
    }
}
