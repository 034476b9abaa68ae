using System.Text.Json;
using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Bench;

/// <summary>Reads an instance file; fields left out take FORMAT.md's defaults.</summary>
internal static class InstanceReader
{
    public static Instance Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var settings = root.TryGetProperty("settings", out var s)
            ? new SchedulerSettings(Number(s, "cpuThresholdPercent", 85), HaHostFailures: (int)Number(s, "haHostFailures", 0))
            : new SchedulerSettings();
        var hosts = Array(root, "hosts").Select(Host).ToArray();
        var vms = Array(root, "vms").Select(Vm).ToArray();
        var requests = Array(root, "requests").Select(Request).ToArray();
        var policies = root.TryGetProperty("policies", out var p) ? Policies(p) : PolicySet.Empty;
        return new Instance(Text(root, "name") ?? Path.GetFileNameWithoutExtension(path), Text(root, "task") ?? "hotspot",
            new ClusterSnapshot(hosts, vms, settings, policies), requests);
    }

    private static SchedulerHost Host(JsonElement e) => new(
        Text(e, "id")!, (int)Number(e, "cpuCores", 0), (long)Number(e, "memoryMiB", 0), State(Text(e, "state")),
        Text(e, "cpuModel") ?? "", Labels(e), e.TryGetProperty("gpus", out var g) ? g.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetInt32()) : null);

    private static SchedulerVm Vm(JsonElement e)
    {
        var memory = (long)Number(e, "memoryMiB", 0);
        return new SchedulerVm(Text(e, "id")!, Text(e, "hostId") ?? "", (int)Number(e, "vcpus", 0), memory,
            (long)Number(e, "memoryReservedMiB", memory), Number(e, "cpuUsedCores", 0), Labels(e), Gpus(e),
            !e.TryGetProperty("movable", out var m) || m.GetBoolean());
    }

    private static PlacementRequest Request(JsonElement e)
    {
        var memory = (long)Number(e, "memoryMiB", 0);
        return new PlacementRequest(Text(e, "id")!, (int)Number(e, "vcpus", 0), memory, (long)Number(e, "memoryReservedMiB", memory),
            Number(e, "cpuUsedCores", 0), Labels(e), Gpus(e), Text(e, "cpuModel"));
    }

    private static PolicySet Policies(JsonElement p) => new(
        [.. Array(p, "vmHostAffinity").Select(x => new VmHostAffinityPolicy(Text(x, "id")!, Selector(x, "vmCategories"), Selector(x, "hostCategories")))],
        [.. Array(p, "vmAntiAffinity").Select(x => new VmVmAntiAffinityPolicy(Text(x, "id")!, Selector(x, "categories"), Enforce(x)))],
        [.. Array(p, "vmAffinity").Select(x => new VmVmAffinityPolicy(Text(x, "id")!, Selector(x, "categories"), Enforce(x)))]);

    private static Enforcement Enforce(JsonElement e) =>
        string.Equals(Text(e, "enforcement"), "MUST", StringComparison.OrdinalIgnoreCase) ? Enforcement.Must : Enforcement.Should;

    private static Category[] Selector(JsonElement e, string name) =>
        [.. Array(e, name).Select(c => new Category(Text(c, "key")!, Text(c, "value")!))];

    private static SchedulerHostState State(string? state) => state?.ToUpperInvariant() switch
    {
        null or "CONNECTED" => SchedulerHostState.Connected,
        "MAINTENANCE" => SchedulerHostState.Maintenance,
        _ => SchedulerHostState.Unreachable,
    };

    private static Dictionary<string, string>? Labels(JsonElement e) =>
        e.TryGetProperty("categories", out var c) && c.ValueKind == JsonValueKind.Object
            ? c.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString() ?? "", StringComparer.Ordinal)
            : null;

    private static string[]? Gpus(JsonElement e) =>
        e.TryGetProperty("gpus", out var g) && g.ValueKind == JsonValueKind.Array ? [.. g.EnumerateArray().Select(x => x.GetString()!)] : null;

    private static JsonElement[] Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray()] : [];

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double Number(JsonElement e, string name, double fallback) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : fallback;
}
