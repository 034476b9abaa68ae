using ControlPlane.Contracts;

namespace ControlPlane.Agent.State;

/// <summary>
/// The latest <see cref="HostDesiredState"/> and nothing else: the highest generation wins and older
/// pushes are dropped, not queued. Persisted to <c>desired-state.json</c> before a push is acknowledged.
/// A state for another host id (this agent re-registered under a new id) replaces the old one whatever
/// its generation, since generations only compare within one host id.
/// </summary>
internal sealed class DesiredStateStore(string dataDir) : IDisposable
{
    private readonly string _path = Path.Combine(dataDir, "desired-state.json");
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile HostDesiredState? _current;

    public HostDesiredState? Current => _current;

    /// <summary>The generation of the stored state, 0 before the first push.</summary>
    public long Generation => _current?.Generation ?? 0;

    public async Task LoadAsync(CancellationToken ct) =>
        _current = await AtomicJsonFile.ReadAsync<HostDesiredState>(_path, ct);

    /// <summary>Stores <paramref name="pushed"/> if it is newer than what is held.</summary>
    public async Task<DesiredStateOffer> OfferAsync(HostDesiredState pushed, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            var held = _current;
            var newer = held is null || held.HostId != pushed.HostId || pushed.Generation > held.Generation;
            if (!newer)
            {
                return new DesiredStateOffer(Stored: false, held!.Generation);
            }
            await AtomicJsonFile.WriteAsync(_path, pushed, ct);
            _current = pushed;
            return new DesiredStateOffer(Stored: true, pushed.Generation);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public DesiredVm? FindVm(Guid vmId) => _current?.Vms.FirstOrDefault(vm => vm.Id == vmId);

    public void Dispose() => _writeLock.Dispose();
}
