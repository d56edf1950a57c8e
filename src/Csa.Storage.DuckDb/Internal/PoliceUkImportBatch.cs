using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb.Internal;

/// <summary>An import batch: one DuckDB transaction, rolled back unless committed. Each validated file's records are
/// written as it is added, through DuckDB's appender (in the transaction), so nothing is parsed twice.</summary>
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

    public async Task<FileReplacement> AddFileAsync(ValidatedPoliceUkFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ObjectDisposedException.ThrowIf(_finished, this);
        var (kind, table) = Target(file.Kind);
        var earlier = await ReplaceAsync(kind, table, file.ForceSlug, file.Month, cancellationToken).ConfigureAwait(false);
        using (var insert = Command("INSERT INTO import_file VALUES ($kind, $force, $month, $name, $sha, $bytes, $rows, $at)"))
        {
            AddKey(insert, kind, file.ForceSlug, file.Month);
            insert.Parameters.Add(new DuckDBParameter("name", file.Source.Name));
            insert.Parameters.Add(new DuckDBParameter("sha", file.Source.Sha256));
            insert.Parameters.Add(new DuckDBParameter("bytes", file.Source.Bytes));
            insert.Parameters.Add(new DuckDBParameter("rows", file.Rows));
            insert.Parameters.Add(new DuckDBParameter("at", _time.GetUtcNow().UtcDateTime));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            Append(file, table, cancellationToken);
        }
        catch (DuckDBException e)
        {
            throw new CsaImportException($"Nothing was imported: the store could not write {file.Source.Name} ({e.Message}).", e);
        }

        return new FileReplacement(earlier is not null, string.Equals(earlier, file.Source.Sha256, StringComparison.Ordinal));
    }

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        cancellationToken.ThrowIfCancellationRequested();
        _transaction.Commit();
        _finished = true;
        return Task.CompletedTask;
    }

    /// <summary>Appends the file's records to its table, in file order, within the batch's transaction.</summary>
    void Append(ValidatedPoliceUkFile file, string table, CancellationToken cancellationToken)
    {
        var month = file.Month.FirstDay;
        using var appender = _connection.CreateAppender(table);
        if (file.Street is { } street)
        {
            for (var i = 0; i < street.Count; i++)
            {
                if ((i & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                appender.CreateRow()
                    .AppendValue(file.ForceSlug)
                    .AppendValue(month)
                    .AppendValue(street.CrimeIds[i])
                    .AppendValue(street.ReportedBy[i])
                    .AppendValue(street.FallsWithin[i])
                    .AppendValue(street.Longitudes[i])
                    .AppendValue(street.Latitudes[i])
                    .AppendValue(street.Locations[i])
                    .AppendValue(street.LsoaCodes[i])
                    .AppendValue(street.LsoaNames[i])
                    .AppendValue(street.CrimeTypes[i])
                    .AppendValue(PoliceUkCrimeTypes.IsAntiSocialBehaviour(street.CrimeTypes[i]))
                    .AppendValue(street.LastOutcomes[i])
                    .AppendValue(street.Contexts[i])
                    .EndRow();
            }
        }

        if (file.Outcomes is { } outcomes)
        {
            for (var i = 0; i < outcomes.Count; i++)
            {
                appender.CreateRow()
                    .AppendValue(file.ForceSlug)
                    .AppendValue(month)
                    .AppendValue(outcomes.CrimeIds[i])
                    .AppendValue(outcomes.OutcomeTypes[i])
                    .EndRow();
            }
        }

        appender.Close();
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

    static (string Kind, string Table) Target(PoliceUkFileKind kind) => kind switch
    {
        PoliceUkFileKind.Street => ("street", "street_record"),
        PoliceUkFileKind.Outcomes => ("outcomes", "outcome_event"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only street and outcomes files are held."),
    };

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
