using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb.Internal;

/// <summary>An import batch: one DuckDB transaction, rolled back unless committed. Files are bulk-loaded
/// with DuckDB's own parallel CSV reader when the batch commits, after csa has validated every row.</summary>
sealed class PoliceUkImportBatch : IPoliceUkImportBatch
{
    /// <summary>The columns of both data.police.uk file kinds, typed explicitly (no sniffing).</summary>
    const string StreetColumns = """
        {'Crime ID': 'VARCHAR', 'Month': 'VARCHAR', 'Reported by': 'VARCHAR', 'Falls within': 'VARCHAR',
         'Longitude': 'DOUBLE', 'Latitude': 'DOUBLE', 'Location': 'VARCHAR', 'LSOA code': 'VARCHAR',
         'LSOA name': 'VARCHAR', 'Crime type': 'VARCHAR', 'Last outcome category': 'VARCHAR', 'Context': 'VARCHAR'}
        """;

    const string OutcomeColumns = """
        {'Crime ID': 'VARCHAR', 'Month': 'VARCHAR', 'Reported by': 'VARCHAR', 'Falls within': 'VARCHAR',
         'Longitude': 'DOUBLE', 'Latitude': 'DOUBLE', 'Location': 'VARCHAR', 'LSOA code': 'VARCHAR',
         'LSOA name': 'VARCHAR', 'Outcome type': 'VARCHAR'}
        """;

    readonly DuckDBConnection _connection;
    readonly DuckDBTransaction _transaction;
    readonly TimeProvider _time;
    readonly List<ValidatedPoliceUkFile> _files = [];
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

        _files.Add(file);
        return new FileReplacement(earlier is not null, string.Equals(earlier, file.Source.Sha256, StringComparison.Ordinal));
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            await LoadAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException e)
        {
            throw new CsaImportException($"Nothing was imported: the store could not load the validated files ({e.Message}).", e);
        }

        _transaction.Commit();
        _finished = true;
    }

    async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(
            PoliceUkFileKind.Street,
            StreetColumns,
            """
            SELECT s.force, s.month, c."Crime ID", c."Reported by", c."Falls within", c."Longitude", c."Latitude",
                   c."Location", c."LSOA code", c."LSOA name", c."Crime type", c."Crime type" = 'Anti-social behaviour',
                   c."Last outcome category", c."Context"
            """,
            "street_record",
            cancellationToken).ConfigureAwait(false);
        await LoadAsync(
            PoliceUkFileKind.Outcomes,
            OutcomeColumns,
            """SELECT s.force, s.month, c."Crime ID", c."Outcome type" """,
            "outcome_event",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads every added file of one kind with a single read_csv over all of them (DuckDB reads them in parallel).</summary>
    async Task LoadAsync(PoliceUkFileKind kind, string columns, string select, string table, CancellationToken cancellationToken)
    {
        var files = _files.Where(f => f.Kind == kind).ToArray();
        if (files.Length == 0)
        {
            return;
        }

        using (var create = Command("CREATE OR REPLACE TEMP TABLE import_source (path VARCHAR, force VARCHAR, month DATE)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var file in files)
        {
            using var source = Command("INSERT INTO import_source VALUES ($path, $force, $month)");
            source.Parameters.Add(new DuckDBParameter("path", file.CsvPath));
            source.Parameters.Add(new DuckDBParameter("force", file.ForceSlug));
            source.Parameters.Add(new DuckDBParameter("month", file.Month.FirstDay));
            await source.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // read_csv takes its file list as a literal: each path is quoted, with any quote doubled.
        var paths = string.Join(", ", files.Select(f => "'" + f.CsvPath.Replace("'", "''", StringComparison.Ordinal) + "'"));
        using var load = Command($"""
            INSERT INTO {table}
            {select}
            FROM read_csv([{paths}], header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
                          strict_mode = true, filename = true, columns = {columns}) c
            JOIN import_source s ON s.path = c.filename
            """);
        var loaded = await load.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var expected = files.Sum(f => f.Rows);
        if (loaded != expected)
        {
            throw new CsaImportException(
                $"Nothing was imported: the store loaded {loaded} rows into {table} where csa validated {expected}. This is a fault in csa: please report it with the files.");
        }

        using var drop = Command("DROP TABLE import_source");
        await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
