using Csa.Storage.Postgres.Internal;
using Npgsql;

namespace Csa.Storage.Postgres;

/// <summary>A server's way into a PostgreSQL store: a reader per request on a connection from Npgsql's pool (no schema check:
/// the server checked it when it started), and a data version read from the store about once a second.</summary>
/// <remarks>Imports and the atlas run at once: each import is one transaction, and each request's reader reads one snapshot
/// (a read-only repeatable-read transaction), so a request sees the data before an import or after it, never half of it,
/// even across its several questions, and is never refused. The data version names the ledger (how many files, and a digest
/// of the transactions that wrote them) and, where this server's role may read them, the accounts (their stamps and locks), so the atlas's ETags and
/// response cache, and its session check, follow an import or a password change within about a second. What the server
/// may do is read from the server once, when it starts: a replica, or a role that may not write the atlas's login
/// records, serves the public atlas only.</remarks>
public sealed class PostgresStoreReaders : IStoreReaders
{
    /// <summary>How often the data version is read.</summary>
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The state of the data: every import, of any kind, writes the ledger in its transaction, so a digest of the
    /// ledger rows' transaction ids changes with every import (and with no machine's clock).</summary>
    internal const string LedgerVersion = "SELECT (SELECT count(*) || '@' || coalesce(md5(string_agg(CAST(xmin AS VARCHAR), ',' ORDER BY CAST(xmin AS VARCHAR))), '-') FROM import_file)";

    const string AccountsVersion = """
        || '|' || (SELECT count(*) || '@' || coalesce(md5(string_agg(name || ':' || security_stamp || ':' || failed_attempts || ':'
                    || coalesce(CAST(locked_until AS VARCHAR), '-'), ',' ORDER BY name)), '-') FROM atlas_user)
        """;

    /// <summary>What this connection may do: whether the server is a replica, and which of the atlas's tables its role may
    /// read and write.</summary>
    const string AbilitiesQuery = """
        SELECT pg_is_in_recovery(), current_user,
            has_table_privilege('atlas_user', 'SELECT'),
            has_table_privilege('atlas_login_failure', 'SELECT') AND has_table_privilege('atlas_login_failure', 'INSERT')
                AND has_table_privilege('atlas_login_failure', 'UPDATE') AND has_table_privilege('atlas_login_failure', 'DELETE')
                AND has_table_privilege('atlas_key', 'SELECT') AND has_table_privilege('atlas_key', 'INSERT')
        """;

    readonly PostgresLocation _location;
    readonly TimeProvider _time;
    readonly NpgsqlDataSource _dataSource;
    readonly ITimer _poll;
    readonly string _versionQuery;
    readonly AnswersByVersion? _answers;
    volatile string _version = string.Empty;

    /// <summary>Made once per server, after the store has been opened (and so migrated) once.</summary>
    /// <exception cref="Core.CsaStoreException">The server cannot be read (its message names the store, never a password).</exception>
    /// <param name="location">The store.</param>
    /// <param name="time">The clock.</param>
    /// <param name="keepAnswers">Whether to keep the store's answers per data version (true; false only to measure what a
    /// question costs the server).</param>
    public PostgresStoreReaders(PostgresLocation location, TimeProvider time, bool keepAnswers = true)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        _location = location;
        _time = time;
        _answers = keepAnswers ? new AnswersByVersion() : null;
        _dataSource = NpgsqlDataSource.Create(location.ConnectionString);
        try
        {
            var (replica, role, readsAccounts, writesLogins) = ReadAbilities();
            _versionQuery = readsAccounts ? LedgerVersion + AccountsVersion : LedgerVersion;
            SharedState = !replica && readsAccounts && writesLogins ? new PostgresAtlasState(_dataSource) : null;
            LoginsUnavailable = replica
                ? $"{location.Display} is a replica (read-only), where no instance can count failed logins"
                : SharedState is null
                    ? $"the role {role} may not read the accounts and write the atlas's login records in {location.Display} (csa store grant --role {role} --access atlas)"
                    : null;
            _version = ReadVersion();
        }
        catch (NpgsqlException e)
        {
            _dataSource.Dispose();
            throw PostgresStore.CannotOpen(location, e);
        }

        _poll = time.CreateTimer(_ => Poll(), null, PollInterval, PollInterval);
    }

    /// <inheritdoc/>
    public string DataVersion => _version;

    /// <inheritdoc/>
    public IAtlasState? SharedState { get; }

    /// <inheritdoc/>
    public string? LoginsUnavailable { get; }

    /// <inheritdoc/>
    public async Task<ICsaStore> OpenAsync(CancellationToken cancellationToken) =>
        await PostgresStore.OpenReaderAsync(_dataSource, _location, _time, _answers, cancellationToken).ConfigureAwait(false);

    void Poll()
    {
        try
        {
            _version = ReadVersion();
        }
        catch (NpgsqlException)
        {
            // The server is away for a moment: the version stays as it was, and requests say what failed.
        }
    }

    string ReadVersion()
    {
        using var command = _dataSource.CreateCommand(_versionQuery);
        return (string?)command.ExecuteScalar() ?? string.Empty;
    }

    (bool Replica, string Role, bool ReadsAccounts, bool WritesLogins) ReadAbilities()
    {
        using var command = _dataSource.CreateCommand(AbilitiesQuery);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetBoolean(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _poll.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
