using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ControlPlane.Persistence.ChangeFeed;

/// <summary>
/// Counts the commits this process made that may have changed what the views show: every committed transaction
/// that ran a writing statement naming one of the feed's tables (<see cref="ResourceChange.WatchedTables"/>), and
/// every such statement run outside a transaction (SQLite commits those on its own). SQL names the table it
/// writes (and no trigger writes a watched table), so a commit that wrote only audits, tasks or events is not
/// counted and costs readers no catch-up. A
/// reader of an in-memory view compares this count with the one its view last caught up to; over-counting costs
/// one cheap look at the change feed, under-counting would serve stale data, so anything unsure counts.
/// </summary>
public sealed class CommitCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly object Touched = new();

    /// <summary>Open transactions that wrote to a watched table; counted when they commit.</summary>
    private readonly ConditionalWeakTable<DbTransaction, object> _touching = [];

    private long _commits;

    public long Commits => Volatile.Read(ref _commits);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        NoteWrite(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NoteWrite(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        NoteWrite(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        NoteWrite(command);
        return ValueTask.FromResult(result);
    }

    // INSERT ... RETURNING (how EF saves on SQLite) runs as a reader.
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        NoteWrite(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        NoteWrite(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => CountIfTouched(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CountIfTouched(transaction);
        return Task.CompletedTask;
    }

    private void CountIfTouched(DbTransaction transaction)
    {
        if (_touching.TryGetValue(transaction, out _))
        {
            _touching.Remove(transaction);
            Interlocked.Increment(ref _commits);
        }
    }

    private void NoteWrite(DbCommand command)
    {
        if (IsRead(command.CommandText) || !NamesWatchedTable(command.CommandText))
        {
            return;
        }
        if (command.Transaction is { } transaction)
        {
            _touching.AddOrUpdate(transaction, Touched);
        }
        else
        {
            Interlocked.Increment(ref _commits);
        }
    }

    private static bool NamesWatchedTable(string sql)
    {
        foreach (var table in ResourceChange.WatchedTables)
        {
            if (sql.Contains(table, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsRead(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);
    }
}
