using ControlPlane.Application.Ads;
using ControlPlane.Application.Policies;
using ControlPlane.Domain.Clusters;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Hosts;
using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Scheduling;

/// <summary>Reads the cluster as the scheduler sees it: a read-only snapshot with policies and settings, untracked.</summary>
internal sealed class SnapshotLoader(ControlPlaneDbContext db, IOptions<SchedulingOptions> options, SchedulerSettingsStore settings)
{
    /// <summary>
    /// The snapshot, and each host's and policy's concurrency version as read for it (the claims to verify at
    /// commit: docs/decisions/0004 and 0005). Policies and hosts are read before VMs, so any VM committed since
    /// has moved a version past the one a claim is conditional on.
    /// </summary>
    public async Task<LoadedCluster> LoadForPlacementAsync(VmId? excluding, CancellationToken ct)
    {
        var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == ClusterId.Default, ct);
        var (config, _) = await settings.GetAsync(ct);
        var policies = await db.PlacementPolicies.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.Name).ToListAsync(ct);
        // Powered-off VMs keep their host but reserve nothing on it until they are powered on again.
        var vms = await db.Vms.AsNoTracking()
            .Where(v => v.HostId != null && v.PowerState != PowerState.Off)
            .Select(v => new { v.Id, v.HostId, v.Vcpus, v.MemoryMiB, v.MemoryOvercommit, v.ObservedCpuPercent, v.Categories })
            .ToListAsync(ct);
        var fraction = options.Value.OvercommitReserveFraction;
        var snapshot = new ClusterSnapshot(
            [.. hosts.Select(ToSchedulerHost)],
            [.. vms.Where(v => v.Id != excluding).Select(v => new SchedulerVm(
                v.Id.ToString(),
                v.HostId!.Value.ToString(),
                v.Vcpus,
                v.MemoryMiB,
                Vm.ReservedMemory(v.MemoryMiB, v.MemoryOvercommit, fraction),
                v.ObservedCpuPercent / 100.0 * v.Vcpus,
                v.Categories))],
            Settings(cluster, config),
            PolicySets.From(policies));
        return new LoadedCluster(snapshot, hosts.ToDictionary(h => h.Id, h => h.Version), policies.ToDictionary(p => p.Id, p => p.Version));
    }

    public async Task<ClusterSnapshot> LoadAsync(VmId? excluding, CancellationToken ct) =>
        (await LoadForPlacementAsync(excluding, ct)).Snapshot;

    public PlacementRequest RequestFor(Guid id, int vcpus, int memoryMiB, bool memoryOvercommit, string? cpuModel, IReadOnlyDictionary<string, string> categories) =>
        new(id.ToString(), vcpus, memoryMiB, Vm.ReservedMemory(memoryMiB, memoryOvercommit, options.Value.OvercommitReserveFraction), 0, categories, [], cpuModel);

    private static SchedulerSettings Settings(Cluster cluster, SchedulerConfigValues config) =>
        new(config.CpuThresholdPercent, cluster.VcpuAllocationRatio, config.HaHostFailures);

    private static SchedulerHost ToSchedulerHost(Host host) => new(
        host.Id.ToString(),
        host.CpuCores,
        host.MemoryMiB,
        host.State switch
        {
            HostState.Connected => SchedulerHostState.Connected,
            HostState.Maintenance => SchedulerHostState.Maintenance,
            _ => SchedulerHostState.Unreachable,
        },
        host.CpuModel,
        host.Categories,
        host.Gpus);
}

/// <summary>A snapshot and the versions its placement claims are conditional on.</summary>
internal sealed record LoadedCluster(ClusterSnapshot Snapshot, IReadOnlyDictionary<HostId, long> HostVersions, IReadOnlyDictionary<Guid, long> PolicyVersions);
