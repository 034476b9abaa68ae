using ControlPlane.Api.Tests.Infrastructure;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Api.Tests.Contract;

/// <summary>The per-connection settings are set once per physical connection and hold on every later open of it.</summary>
public sealed class SqliteSettingsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EveryOpenOfAPooledConnection_HasTheBusyTimeoutAndSynchronousSetting()
    {
        for (var open = 0; open < 3; open++)
        {
            await using var scope = _database.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(10_000L, await ScalarAsync(db, "PRAGMA busy_timeout"));
            Assert.Equal(1L, await ScalarAsync(db, "PRAGMA synchronous")); // NORMAL
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ScalarAsync(ControlPlaneDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
