using ControlPlane.Domain.Idempotency;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Idempotency;

/// <summary>
/// Keys of creating and starting requests. A key is reserved (status 0) before the request runs, so two
/// concurrent requests with one key cannot both act; the first successful answer is kept for replay.
/// A failed request releases its reservation, so a retry is never poisoned by a transient failure.
/// </summary>
public sealed class IdempotencyStore(ControlPlaneDbContext db, TimeProvider clock)
{
    /// <summary>A reservation older than this belongs to a request that died mid-way (a crash); it may be taken over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>Reserves the key, or returns what is already recorded under it.</summary>
    public async Task<IdempotencyRecord?> ReserveAsync(string key, string route, string bodyHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key && r.Route == route, ct);
        if (existing is not null && !(existing.StatusCode == 0 && existing.CreatedAt < now - AbandonedAfter) && existing.CreatedAt >= now - Retention)
        {
            return existing;
        }
        if (existing is not null)
        {
            await db.IdempotencyRecords.Where(r => r.Key == key && r.Route == route).ExecuteDeleteAsync(ct);
        }
        try
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(key, route, bodyHash, 0, null, "", now));
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key && r.Route == route, ct);
        }
    }

    public Task CompleteAsync(string key, string route, int statusCode, string? location, string body, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.Key == key && r.Route == route).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.StatusCode, statusCode)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.ResponseBody, body), ct);

    public Task ReleaseAsync(string key, string route) =>
        db.IdempotencyRecords.Where(r => r.Key == key && r.Route == route && r.StatusCode == 0).ExecuteDeleteAsync(CancellationToken.None);

    public Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        return db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
