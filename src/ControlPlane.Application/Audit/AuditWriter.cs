using ControlPlane.Domain.Audit;
using ControlPlane.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Application.Audit;

/// <summary>Writes one audit entry in a scope of its own, after the request's own work has committed or failed.</summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task WriteAsync(string actor, string method, string path, string? operation, int statusCode, string requestId, string? idempotencyKey)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        db.Audits.Add(new AuditEntry(clock.GetUtcNow(), actor, method, Truncate(path, 512), operation, statusCode, requestId, idempotencyKey is null ? null : Truncate(idempotencyKey, 256)));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
