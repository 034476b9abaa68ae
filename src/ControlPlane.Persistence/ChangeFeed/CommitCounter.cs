using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ControlPlane.Persistence.ChangeFeed;

/// <summary>
/// Counts the commits this process made that may have written: every committed transaction, and every
/// statement other than a SELECT or PRAGMA run outside one (SQLite commits those on its own). A reader of
/// an in-memory view compares this count with the one its view last caught up to; over-counting costs one
/// cheap look at the change feed, under-counting would serve stale data, so anything unsure counts.
/// </summary>
public sealed class CommitCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long _commits;

    public long Commits => Volatile.Read(ref _commits);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        CountIfAutocommitWrite(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CountIfAutocommitWrite(command);
        return ValueTask.FromResult(result);
    }

    // INSERT ... RETURNING (how EF saves on SQLite) runs as a reader.
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        CountIfAutocommitWrite(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        CountIfAutocommitWrite(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }

    private void CountIfAutocommitWrite(DbCommand command)
    {
        if (command.Transaction is null && !IsRead(command.CommandText))
        {
            Interlocked.Increment(ref _commits);
        }
    }

    private static bool IsRead(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);
    }
}
