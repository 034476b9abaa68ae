using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ControlPlane.Persistence;

/// <summary>
/// A read-only transaction: every query on the context until it is disposed sees the database as of one commit
/// (SQLite's WAL snapshot). It begins DEFERRED, so it never takes or waits for the write lock, and it ends in a
/// rollback: it wrote nothing, and a commit would be counted by <see cref="ChangeFeed.CommitCounter"/>.
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly IDbContextTransaction _tracked;
    private readonly SqliteTransaction _transaction;

    private ReadSnapshot(IDbContextTransaction tracked, SqliteTransaction transaction)
    {
        _tracked = tracked;
        _transaction = transaction;
    }

    public static async Task<ReadSnapshot> BeginAsync(ControlPlaneDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        var tracked = await db.Database.UseTransactionAsync(transaction, ct)
            ?? throw new InvalidOperationException("EF Core did not take the read transaction.");
        return new ReadSnapshot(tracked, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _tracked.DisposeAsync();
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
    }
}
