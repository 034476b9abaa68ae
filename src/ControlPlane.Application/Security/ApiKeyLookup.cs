using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Security;

/// <summary>Finds the active key a caller presented, by its hash; unknown keys are remembered too, briefly.</summary>
public sealed class ApiKeyLookup(ControlPlaneDbContext db, ApiKeyCache cache)
{
    public async Task<ApiKeyIdentity?> FindAsync(string presented, CancellationToken ct)
    {
        var hash = ApiKeyTokens.Hash(presented);
        if (cache.TryGet(hash, out var cached))
        {
            return cached;
        }
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new ApiKeyIdentity(k.Id, k.Name, k.Role)).FirstOrDefaultAsync(ct);
        cache.Set(hash, key);
        return key;
    }
}
