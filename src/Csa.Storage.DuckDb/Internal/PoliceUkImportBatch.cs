using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb.Internal;

/// <summary>An import batch: one DuckDB transaction, rolled back unless committed.</summary>
sealed class PoliceUkImportBatch : IPoliceUkImportBatch
{
    readonly DuckDBConnection _connection;
    readonly DuckDBTransaction _transaction;
    readonly TimeProvider _time;
    bool _finished;

    public PoliceUkImportBatch(DuckDBConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
        _transaction = connection.BeginTransaction();
    }

    public async Task<IRecordWriter<StreetRecord>> ReplaceStreetMonthAsync(string forceSlug, Month month, SourceFile source, CancellationToken cancellationToken = default)
    {
        var earlier = await ReplaceAsync("street", "street_record", forceSlug, month, cancellationToken).ConfigureAwait(false);
        var ledger = new LedgerEntry(this, "street", forceSlug, month, source, earlier);
        return new StreetRecordWriter(_connection.CreateAppender("street_record"), forceSlug, ledger);
    }

    public async Task<IRecordWriter<OutcomeRecord>> ReplaceOutcomesMonthAsync(string forceSlug, Month month, SourceFile source, CancellationToken cancellationToken = default)
    {
        var earlier = await ReplaceAsync("outcomes", "outcome_event", forceSlug, month, cancellationToken).ConfigureAwait(false);
        var ledger = new LedgerEntry(this, "outcomes", forceSlug, month, source, earlier);
        return new OutcomeRecordWriter(_connection.CreateAppender("outcome_event"), forceSlug, ledger);
    }

    /// <summary>Removes what the store held for (kind, force, month); returns the earlier file's checksum, if any.</summary>
    async Task<string?> ReplaceAsync(string kind, string table, string forceSlug, Month month, CancellationToken cancellationToken)
    {
        string? earlierSha256;
        using (var find = Command("SELECT sha256 FROM import_file WHERE kind = $kind AND force = $force AND month = $month"))
        {
            AddKey(find, kind, forceSlug, month);
            earlierSha256 = await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }

        if (earlierSha256 is null)
        {
            return null;
        }

        // The table name comes from this class's own constants, never from input.
        using (var delete = Command($"DELETE FROM {table} WHERE force = $force AND month = $month"))
        {
            delete.Parameters.Add(new DuckDBParameter("force", forceSlug));
            delete.Parameters.Add(new DuckDBParameter("month", month.FirstDay));
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var forget = Command("DELETE FROM import_file WHERE kind = $kind AND force = $force AND month = $month"))
        {
            AddKey(forget, kind, forceSlug, month);
            await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return earlierSha256;
    }

    internal async Task RecordAsync(LedgerEntry entry, long rows, CancellationToken cancellationToken)
    {
        using var insert = Command("INSERT INTO import_file VALUES ($kind, $force, $month, $name, $sha, $bytes, $rows, $at)");
        AddKey(insert, entry.Kind, entry.ForceSlug, entry.Month);
        insert.Parameters.Add(new DuckDBParameter("name", entry.Source.Name));
        insert.Parameters.Add(new DuckDBParameter("sha", entry.Source.Sha256));
        insert.Parameters.Add(new DuckDBParameter("bytes", entry.Source.Bytes));
        insert.Parameters.Add(new DuckDBParameter("rows", rows));
        insert.Parameters.Add(new DuckDBParameter("at", _time.GetUtcNow().UtcDateTime));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_finished, this);
        _transaction.Commit();
        _finished = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            _transaction.Rollback();
            _finished = true;
        }

        _transaction.Dispose();
        return ValueTask.CompletedTask;
    }

    DuckDBCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    static void AddKey(DuckDBCommand command, string kind, string forceSlug, Month month)
    {
        command.Parameters.Add(new DuckDBParameter("kind", kind));
        command.Parameters.Add(new DuckDBParameter("force", forceSlug));
        command.Parameters.Add(new DuckDBParameter("month", month.FirstDay));
    }
}
