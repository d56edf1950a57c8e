using System.Reflection;
using Csa.Core;
using Csa.Storage.DuckDb.Internal;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb;

/// <summary>csa's embedded store: one DuckDB database file.</summary>
/// <remarks>
/// <para>Opening creates the schema in a new file, migrates a file made by an older csa (in one
/// transaction), and refuses a file made by a newer csa. The schema version is the highest row of
/// <c>csa_schema</c>.</para>
/// <para>DuckDB lets one process hold a file for writing; a second process that opens it fails with
/// <see cref="CsaStoreException"/> naming the file. Not thread safe.</para>
/// </remarks>
public sealed partial class DuckDbStore : ICsaStore
{
    readonly DuckDBConnection _connection;
    readonly TimeProvider _time;

    DuckDbStore(DuckDBConnection connection, TimeProvider time, StoreInfo info)
    {
        _connection = connection;
        _time = time;
        Info = info;
    }

    /// <inheritdoc/>
    public StoreInfo Info { get; }

    /// <summary>The schema version this csa writes.</summary>
    public static int CurrentSchemaVersion => Migrations.Latest;

    /// <summary>Opens (creating or migrating as needed) the store at <paramref name="path"/>.</summary>
    /// <param name="path">The database file; created when missing.</param>
    /// <param name="time">The clock for ledger timestamps.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="CsaStoreException">The file is not a csa store, was made by a newer csa, or is in use by another process.</exception>
    public static Task<DuckDbStore> OpenAsync(string path, TimeProvider time, CancellationToken cancellationToken = default) =>
        OpenAsync(path, time, Migrations.Latest, cancellationToken);

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

        var connection = new DuckDBConnection($"Data Source={fullPath}");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new CsaStoreException(DescribeOpenFailure(path, e), e);
        }

        try
        {
            var before = await Migrations.ApplyAsync(connection, path, targetVersion, time, CsaVersion, cancellationToken).ConfigureAwait(false);
            var info = new StoreInfo(path, Math.Max(before, targetVersion), before < targetVersion ? before : null);
            return new DuckDbStore(connection, time, info);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens the store at <paramref name="path"/> read-only, as a server that never writes does: several
    /// processes may hold it so, but none while another writes (DuckDB's rule).</summary>
    /// <exception cref="CsaStoreException">No such file, a store of another schema version (an older one must be migrated by a csa command first), or the file is held for writing.</exception>
    public static async Task<DuckDbStore> OpenReadOnlyAsync(string path, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(path))
        {
            throw new CsaStoreException($"No store {path}: import data into it first (csa import …).");
        }

        var connection = new DuckDBConnection($"Data Source={Path.GetFullPath(path)};ACCESS_MODE=READ_ONLY");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var version = await Migrations.ReadVersionAsync(connection, path, cancellationToken).ConfigureAwait(false);
            if (version != Migrations.Latest)
            {
                throw new CsaStoreException(version < Migrations.Latest
                    ? $"The store {path} has schema version {version}, older than this csa's {Migrations.Latest}: run any csa command on it once (csa quality) to migrate it, then open it read-only."
                    : $"The store {path} was made by a newer csa (schema version {version}; this csa knows versions up to {Migrations.Latest}).");
            }

            return new DuckDbStore(connection, time, new StoreInfo(path, version, null));
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

    static string DescribeOpenFailure(string path, DuckDBException e) =>
        e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)
            ? $"The store {path} is in use by another csa process (DuckDB allows one writer). Wait for it to finish, or use another --store. ({e.Message})"
            : $"Cannot open the store {path}: {e.Message}";

    static string CsaVersion =>
        typeof(DuckDbStore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <inheritdoc/>
    public Task<IPoliceUkImportBatch> BeginPoliceUkImportAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IPoliceUkImportBatch batch = new PoliceUkImportBatch(_connection, _time);
        return Task.FromResult(batch);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _connection.DisposeAsync().ConfigureAwait(false);
}
