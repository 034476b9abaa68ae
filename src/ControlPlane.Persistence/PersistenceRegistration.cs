using ControlPlane.Persistence.ChangeFeed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Persistence;

public static partial class PersistenceRegistration
{
    /// <summary>Registers a pooled context; the connection string comes from the service provider's configuration.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, Func<IServiceProvider, string> connectionString) =>
        services
            .AddSingleton<CommitCounter>()
            .AddDbContextPool<ControlPlaneDbContext>((provider, options) => options
                .UseSqlite(SqliteConnectionSettings.Apply(connectionString(provider)))
                .AddInterceptors(SqlitePragmas.Instance, provider.GetRequiredService<CommitCounter>()));

    /// <summary>
    /// Applies pending migrations (never EnsureCreated) and switches the database to WAL, once, before the
    /// API takes traffic. Logs which migrations ran.
    /// </summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PersistenceRegistration));
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        LogMigrated(logger, pending.Count, string.Join(", ", pending));
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Database migrated: {Count} migration(s) applied {Migrations}")]
    private static partial void LogMigrated(ILogger logger, int count, string migrations);
}
