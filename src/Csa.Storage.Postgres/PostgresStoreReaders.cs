using Npgsql;

namespace Csa.Storage.Postgres;

/// <summary>A server's way into a PostgreSQL store: a reader per request on a connection from Npgsql's pool (no schema check:
/// the server checked it when it started), and a data version read from the store about once a second.</summary>
/// <remarks>Imports and the atlas run at once: each import is one transaction, so a request sees the data before it or
/// after it, never half of it, and is never refused. The data version names the ledger (how many files, the latest
/// import) and the accounts (their stamps and locks), so the atlas's ETags and response cache, and its session check,
/// follow an import or a password change within about a second.</remarks>
public sealed class PostgresStoreReaders : IStoreReaders
{
    /// <summary>How often the data version is read.</summary>
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    const string VersionQuery = """
        SELECT (SELECT count(*) || '@' || coalesce(CAST(max(imported_at) AS VARCHAR), '-') FROM import_file)
            || '|' || (SELECT count(*) || '@' || coalesce(md5(string_agg(name || ':' || security_stamp || ':' || failed_attempts || ':'
                        || coalesce(CAST(locked_until AS VARCHAR), '-'), ',' ORDER BY name)), '-') FROM atlas_user)
        """;

    readonly PostgresLocation _location;
    readonly TimeProvider _time;
    readonly NpgsqlDataSource _dataSource;
    readonly ITimer _poll;
    volatile string _version = string.Empty;

    /// <summary>Made once per server, after the store has been opened (and so migrated) once.</summary>
    /// <exception cref="Core.CsaStoreException">The server cannot be read (its message names the store, never a password).</exception>
    public PostgresStoreReaders(PostgresLocation location, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        _location = location;
        _time = time;
        _dataSource = NpgsqlDataSource.Create(location.ConnectionString);
        try
        {
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
    public async Task<ICsaStore> OpenAsync(CancellationToken cancellationToken) =>
        await PostgresStore.OpenReaderAsync(_dataSource, _location, _time, cancellationToken).ConfigureAwait(false);

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
        using var command = _dataSource.CreateCommand(VersionQuery);
        return (string?)command.ExecuteScalar() ?? string.Empty;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _poll.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
