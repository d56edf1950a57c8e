using System.Data.Common;
using System.Text.RegularExpressions;
using Csa.Core;
using Csa.Core.PoliceUk;
using Csa.Storage.Postgres.Internal;
using Csa.Storage.Sql;
using Npgsql;

namespace Csa.Storage.Postgres;

/// <summary>csa's server store: one PostgreSQL database, shared by a team. Its questions and imports are
/// <see cref="SqlStore"/>'s, the same SQL the DuckDB store runs, so both give the same answers; this class opens the
/// database (creating or migrating the schema, one process at a time), writes in bulk with binary COPY, and names
/// parameters as Npgsql does. Several processes may use it at once: each import is one transaction, imports take turns,
/// questions go on beside them.</summary>
public sealed partial class PostgresStore : SqlStore
{
    /// <summary>The PostgreSQL schema's migrations (<c>Migrations/NNNN_name.sql</c>, numbered as DuckDB's). The lock keeps two
    /// processes from migrating the same database at once.</summary>
    static readonly SchemaMigrations Migrations = new(
        typeof(PostgresStore).Assembly,
        "Csa.Storage.Postgres.Migrations.",
        Parameters,
        "SELECT pg_advisory_xact_lock(hashtext('csa schema migration'))");

    readonly NpgsqlConnection _connection;
    readonly NpgsqlTransaction? _snapshot;
    readonly AnswersByVersion? _answers;
    string? _snapshotVersion;

    PostgresStore(NpgsqlConnection connection, TimeProvider time, StoreInfo info, NpgsqlTransaction? snapshot = null, AnswersByVersion? answers = null)
        : base(connection, time, info)
    {
        _connection = connection;
        _snapshot = snapshot;
        _answers = answers;
    }

    /// <summary>The schema version this csa writes.</summary>
    public static int CurrentSchemaVersion => Migrations.Latest;

    /// <summary>Opens (creating or migrating the schema as needed) the store in the database <paramref name="location"/> names.</summary>
    /// <param name="location">The database.</param>
    /// <param name="time">The clock for ledger timestamps.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="CsaStoreException">The server cannot be reached or refuses the login, the database is not a csa store,
    /// or it was made by a newer csa. The message names the store without its password.</exception>
    public static async Task<PostgresStore> OpenAsync(PostgresLocation location, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        var connection = new NpgsqlConnection(location.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var before = await Migrations.ApplyAsync(connection, location.Display, Migrations.Latest, time, CsaVersion, cancellationToken).ConfigureAwait(false);
            var info = new StoreInfo(location.Display, Math.Max(before, Migrations.Latest), before < Migrations.Latest ? before : null);
            return new PostgresStore(connection, time, info);
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw CannotOpen(location, e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A reader for one request of a server (<see cref="PostgresStoreReaders"/>): a pooled connection of
    /// <paramref name="dataSource"/> in a read-only repeatable-read transaction, so that every question of the request reads
    /// one snapshot (an import committing meanwhile is seen by the next request); no schema check (the server opened the
    /// store once when it started). It cannot write.</summary>
    internal static async Task<PostgresStore> OpenReaderAsync(NpgsqlDataSource dataSource, PostgresLocation location, TimeProvider time, AnswersByVersion? answers, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
                var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, snapshot);
                await using (readOnly.ConfigureAwait(false))
                {
                    await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return new PostgresStore(connection, time, new StoreInfo(location.Display, Migrations.Latest, null), snapshot, answers);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (NpgsqlException e)
        {
            throw CannotOpen(location, e);
        }
    }

    /// <inheritdoc/>
    /// <remarks>A server's reader keeps answers per data version: the version is read in this reader's own snapshot, so the
    /// answers it keeps and finds are those of exactly the data it reads.</remarks>
    protected override async Task<T> RememberAsync<T>(AnswerKey key, Func<CancellationToken, Task<T>> fromDatabase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromDatabase);
        if (_answers is null)
        {
            return await fromDatabase(cancellationToken).ConfigureAwait(false);
        }

        if (_snapshotVersion is null)
        {
            using var version = Command(PostgresStoreReaders.LedgerVersion);
            _snapshotVersion = (string?)await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        }

        return await _answers.For(_snapshotVersion).GetAsync(key, () => fromDatabase(CancellationToken.None)).ConfigureAwait(false);
    }

    /// <summary>The store could not be reached or read: named without its password, with what went wrong in the server's
    /// words (which never hold the password) or the connection's.</summary>
    internal static CsaStoreException CannotOpen(PostgresLocation location, NpgsqlException e) =>
        new($"Cannot open the store {location.Display}: {(e is PostgresException server ? server.MessageText : e.Message)}", e);

    /// <inheritdoc/>
    protected override string TextType => "VARCHAR COLLATE \"C\"";

    /// <inheritdoc/>
    /// <remarks>A transaction-level advisory lock, let go at commit or rollback: imports into one database take turns, while
    /// questions (which take no lock) go on beside them and see the last committed import.</remarks>
    protected override string? WriteLockStatement => "SELECT pg_advisory_xact_lock(hashtext('csa import'))";

    /// <inheritdoc/>
    protected override string Translate(string sql) => Parameters(sql);

    /// <summary>Npgsql names parameters <c>@name</c> where csa's SQL writes <c>$name</c>.</summary>
    static string Parameters(string sql) => DollarParameter().Replace(sql, "@${name}");

    [GeneratedRegex(@"(?<![\w$])\$(?<name>[A-Za-z_]\w*)")]
    private static partial Regex DollarParameter();

    /// <inheritdoc/>
    public override async Task<IPoliceUkImportBatch> BeginPoliceUkImportAsync(CancellationToken cancellationToken = default)
    {
        var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        return new PoliceUkImportBatch(_connection, transaction, Time, sql => Command(sql, transaction));
    }

    /// <inheritdoc/>
    protected override async Task WriteRowsAsync(DbTransaction transaction, string table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var copy = await BinaryCopyWriter.BeginAsync(_connection, table, cancellationToken).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                copy.StartRow(checked((short)row.Length));
                foreach (var value in row)
                {
                    copy.Value(value);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (_snapshot is not null)
        {
            await _snapshot.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
