using ControlPlane.Domain.Security;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Application.Security;

/// <summary>
/// Makes sure an administrator can get in: the key from configuration (ControlPlane:Auth:AdminKey) is
/// registered as an admin key; without one, the first start generates a key, keeps it in the data folder
/// (owner-only) and logs it once as "Admin API key: ...". Later starts change nothing.
/// </summary>
public static partial class AdminKeyBootstrap
{
    public static async Task EnsureAdminKeyAsync(this IServiceProvider services, string? configuredKey, string dataDir, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminKeyBootstrap));
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            var hash = ApiKeyTokens.Hash(configuredKey);
            if (!await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct))
            {
                db.ApiKeys.Add(new ApiKey(Guid.CreateVersion7(), "configured-admin", Role.Admin, hash, ApiKeyTokens.DisplayPrefix(configuredKey), clock.GetUtcNow()));
                await db.SaveChangesAsync(ct);
            }
            return;
        }
        if (await db.ApiKeys.AnyAsync(k => k.Role == Role.Admin && k.RevokedAt == null, ct))
        {
            return;
        }
        var secret = ApiKeyTokens.New();
        db.ApiKeys.Add(new ApiKey(Guid.CreateVersion7(), "initial-admin", Role.Admin, ApiKeyTokens.Hash(secret), ApiKeyTokens.DisplayPrefix(secret), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, "admin-api-key");
        await File.WriteAllTextAsync(path, secret + "\n", ct);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        LogGenerated(logger, secret, path);
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "Admin API key: {Key} (shown once; also kept in {Path})")]
    private static partial void LogGenerated(ILogger logger, string key, string path);
}
