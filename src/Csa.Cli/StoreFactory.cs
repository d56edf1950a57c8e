using Csa.Core;
using Csa.Storage;
using Csa.Storage.DuckDb;
using Csa.Storage.Postgres;

namespace Csa.Cli;

/// <summary>The one place that turns a <c>--store</c> value into a store: the composition root's choice of backend. Every
/// command sees only <see cref="ICsaStore"/>.</summary>
public static class StoreFactory
{
    /// <summary>Opens (creating or migrating as needed) the store that <paramref name="store"/> names.</summary>
    /// <param name="store">A DuckDB file's path, or a PostgreSQL server's connection string (<c>Host=…;Database=…</c>) or URL
    /// (<c>postgres://user@host:port/database</c>); its password from <c>PGPASSWORD</c> or a pgpass file.</param>
    /// <param name="time">The clock for ledger timestamps.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="CsaStoreException">The store cannot be opened; the message says why (never a password).</exception>
    public static Task<ICsaStore> OpenAsync(string store, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(store);
        return NamesServer(store) ? OpenServerAsync(store, time, cancellationToken) : OpenFileAsync(store, time, cancellationToken);
    }

    static async Task<ICsaStore> OpenFileAsync(string path, TimeProvider time, CancellationToken cancellationToken) =>
        await DuckDbStore.OpenAsync(path, time, cancellationToken).ConfigureAwait(false);

    static async Task<ICsaStore> OpenServerAsync(string store, TimeProvider time, CancellationToken cancellationToken) =>
        await PostgresStore.OpenAsync(PostgresLocation.Parse(store), time, cancellationToken).ConfigureAwait(false);

    /// <summary>Starts the embedded store's one-time start-up work (<see cref="DuckDbStore.BeginWarmUp"/>) while the command
    /// line is read, when <paramref name="args"/> name a command that may open a DuckDB file: not for help, nor when a store
    /// value names a server. Only a matter of speed: a guess either way changes no result.</summary>
    /// <returns>The warm-up, to await before the process exits.</returns>
    public static Task BeginWarmUp(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var namesCommand = args.Count > 0 && !args[0].StartsWith('-');
        var asksForHelp = args.Any(a => a is "--help" or "-h" or "-?" or "--version");
        return namesCommand && !asksForHelp && !args.Any(NamesServer) ? DuckDbStore.BeginWarmUp() : Task.CompletedTask;
    }

    /// <summary>Opens the store that <paramref name="store"/> names for a command that only reads it: a DuckDB file whose schema
    /// is current is opened read-only (no hand-over from a server, which goes on serving; no migration work); anything else
    /// (a file to create or migrate, one held for writing, a PostgreSQL database) as <see cref="OpenAsync"/> opens it, with
    /// its messages.</summary>
    /// <exception cref="CsaStoreException">The store cannot be opened; the message says why (never a password).</exception>
    public static async Task<ICsaStore> OpenForReadingAsync(string store, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(store);
        if (!NamesServer(store) && File.Exists(store))
        {
            try
            {
                return await DuckDbStore.OpenReadOnlyAsync(store, time, keepAnswers: false, oneThreadPerQuery: false, cancellationToken).ConfigureAwait(false);
            }
            catch (CsaStoreException)
            {
                // An older schema to migrate, or a writer holding the file: the writable open migrates, or says so.
            }
        }

        return await OpenAsync(store, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How a server reads the store that <paramref name="store"/> names, once it exists (open it once first, to create
    /// or migrate it): a DuckDB file shared read-only between requests and let go when a csa command asks to write, or a
    /// PostgreSQL database read on pooled connections beside the team's imports.</summary>
    public static IStoreReaders Readers(string store, bool keepAnswers, TimeProvider time) =>
        NamesServer(store)
            ? new PostgresStoreReaders(PostgresLocation.Parse(store), time, keepAnswers)
            : new DuckDbStoreReaders(store, keepAnswers, time);

    /// <summary>Whether the value names a database server (a <c>postgres://</c> URL or a <c>Host=…</c> or <c>Server=…</c>
    /// connection string)
    /// rather than a file.</summary>
    public static bool NamesServer(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var value = store.TrimStart();
        return value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || value.Contains(";Host=", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("Server=", StringComparison.OrdinalIgnoreCase)
            || value.Contains(";Server=", StringComparison.OrdinalIgnoreCase);
    }
}
