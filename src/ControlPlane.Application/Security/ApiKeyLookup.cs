using ControlPlane.Domain.Security;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Security;

/// <summary>Finds the active key a caller presented, by its hash.</summary>
public sealed class ApiKeyLookup(ControlPlaneDbContext db)
{
    public async Task<(Guid Id, string Name, Role Role)?> FindAsync(string presented, CancellationToken ct)
    {
        var hash = ApiKeyTokens.Hash(presented);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.Role }).Take(1).ToListAsync(ct);
        return keys.Count == 0 ? null : (keys[0].Id, keys[0].Name, keys[0].Role);
    }
}
