using System.Collections.Concurrent;
using ControlPlane.Domain.Security;

namespace ControlPlane.Application.Security;

/// <summary>
/// Remembers recent key lookups for a few seconds, so authenticating a request is a dictionary read rather
/// than a database query. Revoking a key clears the cache at once; a key revoked by another control plane
/// instance stops working within the time to live.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(10);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKeyIdentity? Key, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string hash, out ApiKeyIdentity? key)
    {
        if (_entries.TryGetValue(hash, out var entry) && entry.Expires > clock.GetUtcNow())
        {
            key = entry.Key;
            return true;
        }
        key = null;
        return false;
    }

    public void Set(string hash, ApiKeyIdentity? key)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[hash] = (key, clock.GetUtcNow() + TimeToLive);
    }

    public void Clear() => _entries.Clear();
}

/// <summary>Who a key says the caller is.</summary>
public sealed record ApiKeyIdentity(Guid Id, string Name, Role Role);
