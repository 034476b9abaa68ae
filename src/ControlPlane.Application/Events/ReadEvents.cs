using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Events;

/// <summary>Events after a sequence number, oldest first.</summary>
public sealed class ReadEvents(ControlPlaneDbContext db)
{
    public async Task<IReadOnlyList<EventResponse>> AfterAsync(long sequence, int limit, CancellationToken ct) =>
        [.. (await db.Events.AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct))
            .Select(EventResponse.From)];

    public async Task<long> LatestAsync(CancellationToken ct) =>
        await db.Events.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
}
