using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ControlPlane.Persistence;

/// <summary>
/// Per-connection SQLite settings with no connection-string keyword: let SQLite itself wait for the single
/// writer lock in fine steps (up to 10 s; the driver's own retry sleeps 150 ms at a time), and in WAL mode
/// fsync at checkpoints rather than at every commit (durable across a process crash, not a power loss).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
