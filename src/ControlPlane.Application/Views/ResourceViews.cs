using System.Data.Common;
using ControlPlane.Application.Hosts;
using ControlPlane.Application.Scheduling;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using ControlPlane.Persistence.ChangeFeed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Views;

/// <summary>
/// The read model behind <c>GET /vms</c>, <c>GET /vms/{id}</c>, <c>GET /hosts</c> and <c>GET /hosts/{id}</c>:
/// every VM and host in memory with its API body already serialized, like Kubernetes' watch cache.
/// <para>
/// Fresh by construction: database triggers put the id of every changed VM and host into the change feed
/// in the same transaction (whatever code wrote it), and <see cref="CommitCounter"/> counts this process's
/// commits. A read that starts after a commit the views have not caught up with first catches up (one
/// reader does it, the others wait for that one), so a read never misses a write that completed before
/// it began: a client sees its own writes, and every other client's finished ones.
/// </para>
/// </summary>
public sealed partial class ResourceViews(
    IServiceScopeFactory scopes, CommitCounter commits, IOptions<SchedulingOptions> scheduling, ILogger<ResourceViews> logger) : IDisposable
{
    /// <summary>Consumed feed rows are deleted once this many have piled up.</summary>
    internal int PruneAfter { get; init; } = 10_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SortedViews<VmView> _vms = new(v => v.Id, v => v.Name);
    private readonly SortedViews<HostView> _hosts = new(h => h.Id, h => h.Name);
    private long _caughtUpTo = -1;
    private long _feedPosition;
    private long _prunedThrough;
    private Task? _pruning;

    /// <summary>What placed, powered-on VMs reserve, per host; kept in step with the VM views.</summary>
    private readonly Dictionary<Guid, AllocatedResponse> _allocated = [];

    public async ValueTask<VmView?> VmAsync(Guid id, CancellationToken ct)
    {
        await CurrentAsync(ct);
        return _vms.Find(id);
    }

    public async ValueTask<(IReadOnlyList<VmView> Items, int Total)> VmPageAsync(int skip, int take, CancellationToken ct)
    {
        await CurrentAsync(ct);
        return _vms.Page(skip, take);
    }

    /// <summary>The VMs whose desired host is <paramref name="hostId"/>, by id.</summary>
    public async ValueTask<IReadOnlyList<VmView>> VmsOnHostAsync(Guid hostId, CancellationToken ct)
    {
        await CurrentAsync(ct);
        var onHost = _vms.All.Where(v => v.HostId == hostId).ToList();
        onHost.Sort((a, b) => a.Id.CompareTo(b.Id));
        return onHost;
    }

    /// <summary>Every VM that satisfies <paramref name="predicate"/>, as of now.</summary>
    public async ValueTask<IReadOnlyList<VmView>> VmsWhereAsync(Func<VmView, bool> predicate, CancellationToken ct)
    {
        await CurrentAsync(ct);
        return [.. _vms.All.Where(predicate)];
    }

    public async ValueTask<HostView?> HostAsync(Guid id, CancellationToken ct)
    {
        await CurrentAsync(ct);
        return _hosts.Find(id);
    }

    public async ValueTask<(IReadOnlyList<HostView> Items, int Total)> HostPageAsync(int skip, int take, CancellationToken ct)
    {
        await CurrentAsync(ct);
        return _hosts.Page(skip, take);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Returns at once when no commit happened since the last catch-up; otherwise catches up first.</summary>
    private ValueTask CurrentAsync(CancellationToken ct)
    {
        var target = commits.Commits;
        return Volatile.Read(ref _caughtUpTo) >= target ? ValueTask.CompletedTask : new ValueTask(CatchUpAsync(target, ct));
    }

    private async Task CatchUpAsync(long target, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_caughtUpTo >= target)
            {
                return; // Another reader's catch-up, started after our target commit, covered it.
            }
            // Every commit counted so far is visible to the queries below. Not cancelled with one reader's
            // request: the others queued on the gate want the same work done.
            var covered = commits.Commits;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
            // The feed, VMs and hosts as of one commit, so a host's allocation always sums the VMs the views hold.
            await using var snapshot = await ReadSnapshot.BeginAsync(db, CancellationToken.None);
            if (_caughtUpTo < 0)
            {
                await LoadAllAsync(db);
            }
            else
            {
                await ApplyFeedAsync(db);
            }
            Volatile.Write(ref _caughtUpTo, covered);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LoadAllAsync(ControlPlaneDbContext db)
    {
        // The feed position first: whatever commits after it is applied again later, which is harmless.
        var position = await db.ResourceChanges.MaxAsync(c => (long?)c.Sequence) ?? 0;
        var vms = await db.Vms.AsNoTracking().AsSplitQuery().ToListAsync();
        var hosts = await db.Hosts.AsNoTracking().ToListAsync();
        var fraction = scheduling.Value.OvercommitReserveFraction;
        _vms.Clear();
        _hosts.Clear();
        _allocated.Clear();
        foreach (var vm in vms)
        {
            var view = VmView.From(vm, fraction);
            _vms.Put(view);
            Account(view, +1);
        }
        foreach (var host in hosts)
        {
            _hosts.Put(HostView.From(host, AllocatedOn(host.Id.Value)));
        }
        _feedPosition = position;
        _prunedThrough = 0;
    }

    private async Task ApplyFeedAsync(ControlPlaneDbContext db)
    {
        var changes = await db.ResourceChanges.AsNoTracking().Where(c => c.Sequence > _feedPosition)
            .Select(c => new { c.Sequence, c.Kind, c.EntityId }).ToListAsync();
        if (changes.Count == 0)
        {
            return;
        }
        var vmIds = changes.Where(c => c.Kind == ResourceChange.VmKind).Select(c => new VmId(c.EntityId)).Distinct().ToList();
        var hostIds = changes.Where(c => c.Kind == ResourceChange.HostKind).Select(c => new HostId(c.EntityId)).Distinct().ToList();
        var vms = vmIds.Count == 0 ? [] : await db.Vms.AsNoTracking().AsSingleQuery().Where(v => vmIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id);
        var hosts = hostIds.Count == 0 ? [] : await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id);

        // Applied without awaiting in between: each view readers see is whole and at least as new as the commits counted.
        var fraction = scheduling.Value.OvercommitReserveFraction;
        var touchedHosts = hostIds.Select(h => h.Value).ToHashSet();
        foreach (var id in vmIds)
        {
            var old = _vms.Find(id.Value);
            VmView? current = null;
            if (vms.TryGetValue(id, out var vm))
            {
                current = VmView.From(vm, fraction);
                _vms.Put(current);
            }
            else
            {
                _vms.Remove(id.Value);
            }
            Account(old, -1);
            Account(current, +1);
            if (old?.HostId is { } oldHost)
            {
                touchedHosts.Add(oldHost);
            }
            if (current?.HostId is { } newHost)
            {
                touchedHosts.Add(newHost);
            }
        }
        foreach (var hostId in touchedHosts)
        {
            if (hosts.TryGetValue(new HostId(hostId), out var host))
            {
                _hosts.Put(HostView.From(host, AllocatedOn(hostId)));
            }
            else if (hostIds.Contains(new HostId(hostId)))
            {
                _hosts.Remove(hostId);
            }
            else if (_hosts.Find(hostId) is { } unchanged)
            {
                _hosts.Put(unchanged.With(AllocatedOn(hostId)));
            }
        }
        _feedPosition = changes[^1].Sequence;
        if (_feedPosition - _prunedThrough >= PruneAfter && _pruning is null or { IsCompleted: true })
        {
            _prunedThrough = _feedPosition;
            _pruning = PruneAsync(_feedPosition);
        }
    }

    /// <summary>
    /// Deletes consumed feed rows, off the reader's path: a reader may hold SQLite's write lock (a caller inside a
    /// transaction), and the delete must not wait on it. A failed prune is retried at the next threshold.
    /// </summary>
    private async Task PruneAsync(long through)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>().ResourceChanges.Where(c => c.Sequence <= through).ExecuteDeleteAsync();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            _prunedThrough = 0;
            LogPruneFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Pruning the resource change feed failed; retried later")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);

    private static readonly AllocatedResponse NoAllocation = new(0, 0, 0);

    private AllocatedResponse AllocatedOn(Guid hostId) => _allocated.GetValueOrDefault(hostId, NoAllocation);

    /// <summary>Adds (+1) or takes away (-1) what a VM reserves on its host; counted as <c>HostAllocations</c> counts.</summary>
    private void Account(VmView? vm, int sign)
    {
        if (vm is { Reserves: true, HostId: { } hostId })
        {
            var sum = AllocatedOn(hostId);
            _allocated[hostId] = new AllocatedResponse(sum.Vcpus + (sign * vm.ReservedVcpus), sum.MemoryMiB + (sign * vm.ReservedMemoryMiB), sum.Vms + sign);
        }
    }
}
