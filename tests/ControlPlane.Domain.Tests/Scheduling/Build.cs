using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling;

/// <summary>Terse builders for snapshots in tests.</summary>
internal static class Build
{
    public static SchedulerHost Host(string id, int cores = 10, long memoryMiB = 32768, SchedulerHostState state = SchedulerHostState.Connected,
        string model = "Skylake-Server", string[]? categories = null, Dictionary<string, int>? gpus = null) =>
        new(id, cores, memoryMiB, state, model, Cats(categories), gpus);

    public static SchedulerVm Vm(string id, string host, long memoryMiB = 4096, double cpu = 1, int vcpus = 2, string[]? categories = null,
        bool movable = true, string[]? gpus = null, long? reservedMiB = null) =>
        new(id, host, vcpus, memoryMiB, reservedMiB ?? memoryMiB, cpu, Cats(categories), gpus, movable);

    public static PlacementRequest Request(string id, long memoryMiB = 4096, double cpu = 1, int vcpus = 2, string[]? categories = null,
        string[]? gpus = null, string? model = null, long? reservedMiB = null) =>
        new(id, vcpus, memoryMiB, reservedMiB ?? memoryMiB, cpu, Cats(categories), gpus, model);

    public static Category[] Select(params string[] pairs) => [.. pairs.Select(p => p.Split('=')).Select(p => new Category(p[0], p[1]))];

    public static ClusterSnapshot Snapshot(SchedulerHost[] hosts, SchedulerVm[] vms, PolicySet? policies = null, SchedulerSettings? settings = null) =>
        new(hosts, vms, settings ?? new SchedulerSettings(), policies);

    public static PolicySet AntiAffinity(string id, Enforcement enforcement, params string[] categories) =>
        new([], [new VmVmAntiAffinityPolicy(id, Select(categories), enforcement)], []);

    public static PlacementContext Context(ClusterSnapshot snapshot, PlacementRequest request) =>
        PlacementContext.Create(snapshot, HostLoad.From(snapshot), request);

    public static HostLoad Load(ClusterSnapshot snapshot, string host) => HostLoad.From(snapshot)[host];

    /// <summary>The seed's worked example: h1 at 90 % CPU against 85 %, h3 full of memory.</summary>
    public static ClusterSnapshot SeedExample() => Snapshot(
        [Host("h1", categories: ["rack=b"]), Host("h2", categories: ["rack=a"]), Host("h3", categories: ["rack=b"])],
        [
            Vm("a", "h1", 4096, 2.0, 2), Vm("b", "h1", 8192, 2.5, 4), Vm("c", "h1", 16384, 4.5, 8),
            Vm("d", "h2", 24576, 7.0, 8),
            Vm("e1", "h3", 8192, 0.5, 2), Vm("e2", "h3", 8192, 0.5, 2), Vm("f", "h3", 16384, 2.0, 4),
        ]);

    private static Dictionary<string, string>? Cats(string[]? pairs) =>
        pairs?.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
