using System.Data.Common;
using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Storage.Sql.Internal;

namespace Csa.Storage.Sql;

/// <summary>An import of data.police.uk files: one transaction, rolled back unless committed. Each file replaces what the
/// store held for its (kind, force, month), is recorded in the ledger, and has its records written in bulk by the backend
/// (<see cref="WriteRecordsAsync"/>) as it is added, so nothing is parsed twice.</summary>
public abstract class SqlPoliceUkImportBatch : IPoliceUkImportBatch
{
    readonly DbTransaction _transaction;
    readonly TimeProvider _time;
    readonly Func<string, DbCommand> _command;
    bool _finished;

    /// <summary>A batch in <paramref name="transaction"/>, which it owns.</summary>
    /// <param name="transaction">The open transaction.</param>
    /// <param name="time">The clock for the ledger.</param>
    /// <param name="command">Makes a command of SQL (with <c>$name</c> parameters) in the transaction.</param>
    protected SqlPoliceUkImportBatch(DbTransaction transaction, TimeProvider time, Func<string, DbCommand> command)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        _transaction = transaction;
        _time = time;
        _command = command;
    }

    /// <summary>Writes a file's records to its table (<c>street_record</c> or <c>outcome_event</c>), in file order, within the
    /// transaction: every column, the file's force and month first.</summary>
    protected abstract Task WriteRecordsAsync(ValidatedPoliceUkFile file, string table, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public async Task<FileReplacement> AddFileAsync(ValidatedPoliceUkFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ObjectDisposedException.ThrowIf(_finished, this);
        var (kind, table) = Target(file.Kind);
        var earlier = await ReplaceAsync(kind, table, file.ForceSlug, file.Month, cancellationToken).ConfigureAwait(false);
        using (var insert = _command("INSERT INTO import_file VALUES ($kind, $force, $month, $name, $sha, $bytes, $rows, $at)"))
        {
            AddKey(insert, kind, file.ForceSlug, file.Month);
            insert.AddParameter("name", file.Source.Name);
            insert.AddParameter("sha", file.Source.Sha256);
            insert.AddParameter("bytes", file.Source.Bytes);
            insert.AddParameter("rows", file.Rows);
            insert.AddParameter("at", _time.GetUtcNow().UtcDateTime);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await WriteRecordsAsync(file, table, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            throw new CsaImportException($"Nothing was imported: the store could not write {file.Source.Name} ({e.Message}).", e);
        }

        return new FileReplacement(earlier is not null, string.Equals(earlier, file.Source.Sha256, StringComparison.Ordinal));
    }

    /// <inheritdoc/>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        cancellationToken.ThrowIfCancellationRequested();
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _finished = true;
    }

    /// <summary>Removes what the store held for (kind, force, month); returns the earlier file's checksum, if any.</summary>
    async Task<string?> ReplaceAsync(string kind, string table, string forceSlug, Month month, CancellationToken cancellationToken)
    {
        string? earlierSha256;
        using (var find = _command("SELECT sha256 FROM import_file WHERE kind = $kind AND force = $force AND month = $month"))
        {
            AddKey(find, kind, forceSlug, month);
            earlierSha256 = await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }

        if (earlierSha256 is null)
        {
            return null;
        }

        // The table name comes from this class's own constants, never from input.
        using (var delete = _command($"DELETE FROM {table} WHERE force = $force AND month = $month"))
        {
            delete.AddParameter("force", forceSlug);
            delete.AddParameter("month", month.FirstDay);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var forget = _command("DELETE FROM import_file WHERE kind = $kind AND force = $force AND month = $month"))
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

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
            _finished = true;
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    static void AddKey(DbCommand command, string kind, string forceSlug, Month month)
    {
        command.AddParameter("kind", kind);
        command.AddParameter("force", forceSlug);
        command.AddParameter("month", month.FirstDay);
    }
}
