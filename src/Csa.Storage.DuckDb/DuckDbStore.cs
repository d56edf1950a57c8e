using System.Data.Common;
using Csa.Core;
using Csa.Core.PoliceUk;
using Csa.Storage.DuckDb.Internal;
using Csa.Storage.Sql;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb;

/// <summary>csa's embedded store: one DuckDB database file. Its questions and imports are <see cref="SqlStore"/>'s; this
/// class opens the file (creating, migrating, sharing it read-only with a server), appends in bulk with DuckDB's appender,
/// and keeps answers while the file is open read-only.</summary>
/// <remarks>
/// <para>Opening creates the schema in a new file, migrates a file made by an older csa (in one
/// transaction), and refuses a file made by a newer csa. The schema version is the highest row of
/// <c>csa_schema</c>.</para>
/// <para>DuckDB lets one process hold a file for writing; a second process that opens it fails with
/// <see cref="CsaStoreException"/> naming the file. Not thread safe.</para>
/// </remarks>
public sealed class DuckDbStore : SqlStore
{
    readonly DuckDBConnection _connection;
    readonly IDisposable? _release;

    /// <summary>The DuckDB schema's migrations (<c>Migrations/NNNN_name.sql</c>).</summary>
    static readonly SchemaMigrations Migrations = new(typeof(DuckDbStore).Assembly, "Csa.Storage.DuckDb.Migrations.", sql => sql);

    /// <summary>Answers kept while the store is open read-only (null when it can be written).</summary>
    readonly KeptAnswers? _answers;

    DuckDbStore(DuckDBConnection connection, TimeProvider time, StoreInfo info, IDisposable? release = null, KeptAnswers? answers = null)
        : base(connection, time, info)
    {
        _connection = connection;
        _release = release;
        _answers = answers;
    }

    /// <summary>DuckDB's buffer pool when the store is open for writing. By default DuckDB may keep up to 80% of the
    /// machine's memory, and an import's row groups, once written to the file, stay cached in it: a 36-month national import
    /// (SYNTHETIC, 18 M rows) peaked at 1,198–1,229 MiB resident by default, 730–850 MiB with 256 MB (944 with 512 MB, 646
    /// with 128 MB), in the same time. Readers (commands, the atlas) keep DuckDB's default.</summary>
    internal const string WriterMemoryLimit = "256MB";

    /// <summary>The schema version this csa writes.</summary>
    public static int CurrentSchemaVersion => Migrations.Latest;

    /// <summary>Opens (creating or migrating as needed) the store at <paramref name="path"/>.</summary>
    /// <param name="path">The database file; created when missing.</param>
    /// <param name="time">The clock for ledger timestamps.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="CsaStoreException">The file is not a csa store, was made by a newer csa, or is in use by another process.</exception>
    public static Task<DuckDbStore> OpenAsync(string path, TimeProvider time, CancellationToken cancellationToken = default) =>
        OpenAsync(path, time, Migrations.Latest, cancellationToken);

    /// <summary>Starts DuckDB's one-time work in the process (loading its native library and its global state: about 20 ms
    /// of the 30 a first open costs) on the thread pool, so that it overlaps what a command does before it opens its store.
    /// The task never fails: the store's own open reports any problem. Await it before the process exits, so that DuckDB's
    /// native library is never unloaded while the warm-up is still inside it.</summary>
    /// <returns>The warm-up.</returns>
    public static Task BeginWarmUp() => Task.Run(static () =>
    {
        try
        {
            // A throw-away in-memory database with one thread: DuckDB's global state, nothing on disk, no worker threads.
            using var connection = new DuckDBConnection("Data Source=:memory:;threads=1");
            connection.Open();
        }
#pragma warning disable CA1031 // A warm-up has nothing to report: the store's own open says what is wrong.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    });

    /// <summary>Opens the store migrating only up to <paramref name="targetVersion"/>: for tests of migration.</summary>
    internal static async Task<DuckDbStore> OpenAsync(string path, TimeProvider time, int targetVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new CsaStoreException($"Cannot open the store {path}: the folder {directory} does not exist.");
        }

        var (connection, writerMark) = await OpenWritableAsync(fullPath, path, cancellationToken).ConfigureAwait(false);
        try
        {
            var before = await Migrations.ApplyAsync(connection, path, targetVersion, time, CsaVersion, cancellationToken).ConfigureAwait(false);
            var info = new StoreInfo(path, Math.Max(before, targetVersion), before < targetVersion ? before : null);
            return new DuckDbStore(connection, time, info, writerMark);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            writerMark?.Dispose();
            throw;
        }
    }

    /// <summary>Opens the file for writing. Held by a csa server, it asks the server to let go and waits for it
    /// (<see cref="StoreHandover"/>), keeping its mark until the store is closed; held by anything else, it fails at once.</summary>
    static async Task<(DuckDBConnection Connection, IDisposable? WriterMark)> OpenWritableAsync(string fullPath, string path, CancellationToken cancellationToken)
    {
        IDisposable? writerMark = null;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            CsaStoreException refusal;
            bool serverWillYield;
            var connection = new DuckDBConnection($"Data Source={fullPath};memory_limit={WriterMemoryLimit}");
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                if (!await IsSharedReadOnlyAsync(connection, fullPath, cancellationToken).ConfigureAwait(false))
                {
                    return (connection, writerMark);
                }

                // A server in this very process holds the file read-only, and DuckDB.NET handed its database out again:
                // wait for the server to let go, as for a server in another process.
                await connection.DisposeAsync().ConfigureAwait(false);
                refusal = new CsaStoreException($"The store {path} is in use by the atlas in this process, which did not let go of it within {StoreHandover.WaitLimit.TotalSeconds:0} s.");
                serverWillYield = true;
            }
            catch (DuckDBException e)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                refusal = new CsaStoreException(DescribeOpenFailure(path, e), e);
                serverWillYield = IsHeldElsewhere(e) && (writerMark is not null || StoreHandover.ServerHolding(fullPath));
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                writerMark?.Dispose();
                throw;
            }

            if (!serverWillYield || waited.Elapsed > StoreHandover.WaitLimit)
            {
                writerMark?.Dispose();
                throw refusal;
            }

            writerMark ??= StoreHandover.Mark(StoreHandover.WriterMark(fullPath));
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                writerMark.Dispose();
                throw;
            }
        }
    }

    /// <summary>Whether the connection got a database that a server of this process opened read-only (looked into only
    /// when a server says it holds the file: other writers find the file locked instead).</summary>
    static async Task<bool> IsSharedReadOnlyAsync(DuckDBConnection connection, string fullPath, CancellationToken cancellationToken)
    {
        if (!StoreHandover.ServerHolding(fullPath))
        {
            return false;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    /// <summary>The value of one of DuckDB's settings on this store's database (for tests).</summary>
    internal async Task<string?> SettingAsync(string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT current_setting($name)::VARCHAR";
        command.Parameters.Add(new DuckDBParameter("name", name));
        return (string?)await command.ExecuteScalarAsync().ConfigureAwait(false);
    }

    /// <summary>A new connection to this store's open database, for one reader of a server that keeps the store open between
    /// requests: while this store is open, DuckDB.NET gives a connection with the same settings the database already open
    /// instead of opening the file again. <paramref name="release"/> is disposed when the reader is.</summary>
    public DuckDbStore NewReader(IDisposable release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var connection = new DuckDBConnection(_connection.ConnectionString);
        try
        {
            connection.Open();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new DuckDbStore(connection, Time, Info, release, _answers);
    }

    /// <summary>A question's answer: kept for as long as the store is open read-only (and shared with its
    /// <see cref="NewReader"/>s), asked of the file each time otherwise.</summary>
    /// <remarks>A kept answer is computed without the asker's cancellation: others may be waiting for it.</remarks>
    protected override Task<T> RememberAsync<T>(AnswerKey key, Func<CancellationToken, Task<T>> fromDatabase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromDatabase);
        return _answers is null ? fromDatabase(cancellationToken) : _answers.GetAsync(key, () => fromDatabase(CancellationToken.None));
    }

    /// <summary>Opens the store at <paramref name="path"/> read-only, as a server that never writes does: several
    /// processes may hold it so, but none while another writes (DuckDB's rule). Its answers to the same question are kept
    /// while it is open (nothing can change the file meanwhile). Each query runs on one DuckDB thread: a server runs many
    /// small queries at once, one per request, and on 2 cores that serves more of them (ward map with nothing kept: 121
    /// requests/s with DuckDB's default threads, 152 with one).</summary>
    /// <exception cref="CsaStoreException">No such file, a store of another schema version (an older one must be migrated by a csa command first), or the file is held for writing.</exception>
    /// <param name="path">The store file.</param>
    /// <param name="time">The clock.</param>
    /// <param name="keepAnswers">Whether to keep answers while open (false only to measure the file's own cost).</param>
    /// <param name="oneThreadPerQuery">Whether each query runs on one DuckDB thread (a server's many small queries at once);
    /// false for a command's few queries, which may use every core.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    public static async Task<DuckDbStore> OpenReadOnlyAsync(string path, TimeProvider time, bool keepAnswers = true, bool oneThreadPerQuery = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(path))
        {
            throw new CsaStoreException($"No store {path}: import data into it first (csa import …).");
        }

        var connection = new DuckDBConnection($"Data Source={Path.GetFullPath(path)};ACCESS_MODE=READ_ONLY{(oneThreadPerQuery ? ";threads=1" : string.Empty)}");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var version = await SchemaMigrations.ReadVersionAsync(connection, path, cancellationToken).ConfigureAwait(false);
            if (version != Migrations.Latest)
            {
                throw new CsaStoreException(version < Migrations.Latest
                    ? $"The store {path} has schema version {version}, older than this csa's {Migrations.Latest}: run any csa command on it once (csa quality) to migrate it, then open it read-only."
                    : $"The store {path} was made by a newer csa (schema version {version}; this csa knows versions up to {Migrations.Latest}).");
            }

            return new DuckDbStore(connection, time, new StoreInfo(path, version, null), answers: keepAnswers ? new KeptAnswers() : null);
        }
        catch (DuckDBException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new CsaStoreException(DescribeOpenFailure(path, e), e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    static bool IsHeldElsewhere(DuckDBException e) => e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase);

    static string DescribeOpenFailure(string path, DuckDBException e) =>
        IsHeldElsewhere(e)
            ? $"The store {path} is in use by another csa process (DuckDB allows one writer). Wait for it to finish, or use another --store. ({e.Message})"
            : $"Cannot open the store {path}: {e.Message}";

    /// <inheritdoc/>
    public override Task<IPoliceUkImportBatch> BeginPoliceUkImportAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = _connection.BeginTransaction();
        IPoliceUkImportBatch batch = new PoliceUkImportBatch(_connection, transaction, Time, sql => Command(sql, transaction));
        return Task.FromResult(batch);
    }

    /// <inheritdoc/>
    protected override async Task WriteRowsAsync(DbTransaction transaction, string table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var appender = _connection.CreateAppender(table);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var appending = appender.CreateRow();
            foreach (var value in row)
            {
                appending = value switch
                {
                    null => appending.AppendNullValue(),
                    string text => appending.AppendValue(text),
                    int number => appending.AppendValue(number),
                    long number => appending.AppendValue(number),
                    double number => appending.AppendValue(number),
                    bool flag => appending.AppendValue(flag),
                    DateOnly date => appending.AppendValue(date),
                    DateTime instant => appending.AppendValue(instant),
                    _ => throw new ArgumentException($"No appender value for {value.GetType().Name} in {table}.", nameof(rows)),
                };
            }

            appending.EndRow();
        }

        appender.Close();
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _release?.Dispose();
    }
}
