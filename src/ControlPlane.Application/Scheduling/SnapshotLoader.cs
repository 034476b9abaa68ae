using ControlPlane.Application.Ads;
using ControlPlane.Application.Policies;
using ControlPlane.Application.Views;
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

/// <summary>
/// The cluster as the scheduler sees it: settings and policies from the database, hosts and VMs from the
/// in-memory views (<see cref="ResourceViews"/>), which a placement would otherwise re-read from SQLite every time.
/// </summary>
internal sealed class SnapshotLoader(ControlPlaneDbContext db, ResourceViews views, IOptions<SchedulingOptions> options, SchedulerSettingsStore settings)
{
    /// <summary>
    /// The snapshot, and each host's and policy's concurrency version as read for it (the claims to verify at
    /// commit: docs/decisions/0004 and 0005). Policies are read before the views, and the views give hosts no newer
    /// than their VMs, so any VM committed since has moved a version past the one a claim is conditional on.
    /// </summary>
    public async Task<LoadedCluster> LoadForPlacementAsync(VmId? excluding, CancellationToken ct)
    {
        var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == ClusterId.Default, ct);
        var (config, _) = await settings.GetAsync(ct);
        var policies = await db.PlacementPolicies.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var (hosts, vms) = await views.SchedulingStateAsync(ct);
        var snapshot = new ClusterSnapshot(
            [.. hosts.Select(h => ToSchedulerHost(h.Host))],
            [.. vms.Where(v => v.Vm.Id != excluding).Select(v => new SchedulerVm(
                v.Id.ToString(),
                v.HostId!.Value.ToString(),
                v.Vm.Vcpus,
                v.Vm.MemoryMiB,
                v.ReservedMemoryMiB,
                v.Vm.ObservedCpuPercent / 100.0 * v.Vm.Vcpus,
                v.Vm.Categories))],
            Settings(cluster, config),
            PolicySets.From(policies));
        return new LoadedCluster(snapshot, hosts.ToDictionary(h => h.Host.Id, h => h.Host.Version), policies.ToDictionary(p => p.Id, p => p.Version));
    }

    /// <summary>Brings the views up to the database before a re-plan, whoever won the claim this one lost.</summary>
    public Task RefreshAsync(CancellationToken ct) => views.RefreshAsync(ct);

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
