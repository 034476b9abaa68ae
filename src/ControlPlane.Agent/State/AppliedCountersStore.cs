using System.Collections.Concurrent;

namespace ControlPlane.Agent.State;

/// <summary>
/// Per VM, the reset and reboot counters already carried out (<c>applied-counters.json</c>), so a
/// restarted agent neither repeats a reset nor forgets one still owed.
/// </summary>
internal sealed class AppliedCountersStore(string dataDir) : IDisposable
{
    private readonly string _path = Path.Combine(dataDir, "applied-counters.json");
    private readonly ConcurrentDictionary<Guid, AppliedCounters> _applied = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task LoadAsync(CancellationToken ct)
    {
        var stored = await AtomicJsonFile.ReadAsync<Dictionary<Guid, AppliedCounters>>(_path, ct);
        foreach (var (vmId, counters) in stored ?? [])
        {
            _applied[vmId] = counters;
        }
    }

    public AppliedCounters? Get(Guid vmId) => _applied.GetValueOrDefault(vmId);

    public Task SetAsync(Guid vmId, AppliedCounters counters, CancellationToken ct)
    {
        if (_applied.TryGetValue(vmId, out var held) && held == counters)
        {
            return Task.CompletedTask;
        }
        _applied[vmId] = counters;
        return PersistAsync(ct);
    }

    public Task ForgetAsync(Guid vmId, CancellationToken ct) =>
        _applied.TryRemove(vmId, out _) ? PersistAsync(ct) : Task.CompletedTask;

    private async Task PersistAsync(CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await AtomicJsonFile.WriteAsync(_path, new Dictionary<Guid, AppliedCounters>(_applied), ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();
}
