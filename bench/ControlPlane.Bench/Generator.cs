using ControlPlane.Domain.Scheduling;

namespace ControlPlane.Bench;

/// <summary>
/// Seeded instance generator for the sizes the shared set does not cover. Host shapes and VM flavours are drawn
/// from small menus; VMs are dealt onto hosts while they fit, keeping every host under the threshold unless a
/// hotspot is asked for.
/// </summary>
internal static class Generator
{
    private static readonly int[] Cores = [16, 24, 32, 48, 64];
    private static readonly long[] HostMemory = [131072, 196608, 262144, 393216, 524288];
    private static readonly int[] Vcpus = [1, 2, 2, 4, 4, 8];
    private static readonly long[] VmMemory = [1024, 2048, 4096, 4096, 8192, 8192, 16384, 32768];

    public static SchedulerHost[] Hosts(Random random, int count) =>
        [.. Enumerable.Range(1, count).Select(i => new SchedulerHost($"h{i}", Cores[random.Next(Cores.Length)], HostMemory[random.Next(HostMemory.Length)],
            CpuModel: "Skylake-Server"))];

    public static PlacementRequest Request(Random random, string id, double load = 0.4)
    {
        var vcpus = Vcpus[random.Next(Vcpus.Length)];
        var memory = VmMemory[random.Next(VmMemory.Length)];
        return new PlacementRequest(id, vcpus, memory, memory, Math.Round(vcpus * load * (0.25 + random.NextDouble()), 2));
    }

    /// <summary>A cluster of <paramref name="hostCount"/> hosts (memory scaled by <paramref name="memoryScale"/>) running up to <paramref name="vmCount"/> VMs dealt at random where they fit.</summary>
    public static ClusterSnapshot Cluster(int seed, int hostCount, int vmCount, double load = 0.4, double memoryScale = 1)
    {
        var random = new Random(seed);
        var hosts = Hosts(random, hostCount).Select(h => h with { MemoryMiB = (long)(h.MemoryMiB * memoryScale) }).ToArray();
        var mem = new long[hostCount];
        var cpu = new double[hostCount];
        var vms = new List<SchedulerVm>(vmCount);
        for (var i = 0; vms.Count < vmCount && i < vmCount * 20; i++)
        {
            var r = Request(random, $"v{vms.Count}", load);
            var h = random.Next(hostCount);
            if (mem[h] + r.MemoryMiB <= hosts[h].MemoryMiB * 0.95 && cpu[h] + r.CpuUsedCores <= hosts[h].CpuCores * 0.8 && r.Vcpus <= hosts[h].CpuCores)
            {
                (mem[h], cpu[h]) = (mem[h] + r.MemoryMiB, cpu[h] + r.CpuUsedCores);
                vms.Add(r.AsVm(hosts[h].Id));
            }
        }
        return new ClusterSnapshot(hosts, vms, new SchedulerSettings());
    }

    /// <summary>A cluster where <paramref name="hot"/> hosts get extra CPU load on their VMs until they sit above the threshold.</summary>
    public static ClusterSnapshot Hotspot(int seed, int hostCount, int vmCount, int hot)
    {
        var cluster = Cluster(seed, hostCount, vmCount);
        var random = new Random(seed + 1);
        var hotHosts = cluster.Hosts.OrderBy(_ => random.Next()).Take(hot).Select(h => h.Id).ToHashSet();
        var boost = cluster.Hosts.Where(h => hotHosts.Contains(h.Id)).ToDictionary(h => h.Id, h =>
        {
            var used = cluster.Vms.Where(v => v.HostId == h.Id).Sum(v => v.CpuUsedCores);
            var target = h.CpuCores * (0.88 + (0.07 * random.NextDouble()));
            return used > 0 ? Math.Max(1, target / used) : 1;
        });
        return cluster with
        {
            Vms = [.. cluster.Vms.Select(v => boost.TryGetValue(v.HostId, out var f) ? v with { CpuUsedCores = Math.Min(v.Vcpus, Math.Round(v.CpuUsedCores * f, 2)) } : v)],
        };
    }

    /// <summary>A small batch for the exact optimum: a few hosts of two shapes and a handful of requests.</summary>
    public static Instance SmallBatch(int seed)
    {
        var random = new Random(seed);
        var hosts = Enumerable.Range(1, random.Next(4, 7)).Select(i => new SchedulerHost($"h{i}", random.Next(2) == 0 ? 16 : 24,
            random.Next(2) == 0 ? 32768 : 65536)).ToArray();
        var requests = Enumerable.Range(0, random.Next(6, 12)).Select(i => Request(random, $"n{i}", 0.5)).ToArray();
        return new Instance($"gen-batch-small-{seed}", "batch-place", new ClusterSnapshot(hosts, [], new SchedulerSettings()), requests);
    }

    /// <summary>A large batch of a given mix: uniform, correlated (CPU follows memory) or anti-correlated.</summary>
    public static Instance Batch(int seed, int hostCount, int requestCount, string mix)
    {
        var random = new Random(seed);
        var hosts = Enumerable.Range(1, hostCount).Select(i => new SchedulerHost($"h{i}", 32, 131072)).ToArray();
        var requests = Enumerable.Range(0, requestCount).Select(i =>
        {
            var memory = VmMemory[random.Next(VmMemory.Length)];
            var share = memory / 32768.0;
            var cpu = mix switch
            {
                "correlated" => 5 * share * (0.8 + (0.4 * random.NextDouble())),
                "anti" => 3.0 * (1.05 - share) * (0.8 + (0.4 * random.NextDouble())),
                _ => 4 * random.NextDouble(),
            };
            return new PlacementRequest($"n{i}", Math.Min(32, Math.Max(1, (int)Math.Ceiling(cpu))), memory, memory, Math.Round(Math.Max(0.05, cpu), 2));
        }).ToArray();
        return new Instance($"gen-batch-{hostCount}x{requestCount}-{mix}-{seed}", "batch-place", new ClusterSnapshot(hosts, [], new SchedulerSettings()), requests);
    }

    /// <summary>A small hotspot for the exact minimum: 3–5 hosts, 2–3 VMs each, one host pushed over the threshold.</summary>
    public static Instance SmallHotspot(int seed)
    {
        var random = new Random(seed);
        var hostCount = random.Next(3, 6);
        var hosts = Enumerable.Range(1, hostCount).Select(i => new SchedulerHost($"h{i}", 8, 32768)).ToArray();
        var vms = new List<SchedulerVm>();
        for (var h = 0; h < hostCount; h++)
        {
            var memLeft = 32768L;
            for (var j = 0; j < random.Next(2, 4); j++)
            {
                var memory = Math.Min(memLeft, VmMemory[random.Next(2, VmMemory.Length - 1)]);
                memLeft -= memory;
                var cpu = h == 0 ? 1.5 + (random.NextDouble() * 2.2) : 0.2 + (random.NextDouble() * 1.8);
                vms.Add(new SchedulerVm($"v{h}{j}", hosts[h].Id, 4, memory, memory, Math.Round(cpu, 2)));
            }
        }
        return new Instance($"gen-hotspot-small-{seed}", "hotspot", new ClusterSnapshot(hosts, vms, new SchedulerSettings()), []);
    }
}
