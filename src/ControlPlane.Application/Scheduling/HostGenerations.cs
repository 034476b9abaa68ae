using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Scheduling;

/// <summary>Marks hosts whose desired state changed, so the dispatcher pushes them; the save carries the bump.</summary>
internal static class HostGenerations
{
    public static async Task BumpHostAsync(this ControlPlaneDbContext db, HostId hostId, CancellationToken ct) =>
        (await db.Hosts.SingleAsync(h => h.Id == hostId, ct)).BumpGeneration();

    /// <summary>
    /// Bumps the host's generation and makes the save conditional on the host's version as a snapshot saw it,
    /// not as it is now: a VM committed to the host since the snapshot makes the save fail, and the caller re-plans.
    /// </summary>
    public static async Task ClaimHostAsync(this ControlPlaneDbContext db, HostId hostId, long snapshotVersion, CancellationToken ct)
    {
        var host = await db.Hosts.SingleAsync(h => h.Id == hostId, ct);
        db.Entry(host).Property(h => h.Version).OriginalValue = snapshotVersion;
        host.BumpGeneration();
    }
}
