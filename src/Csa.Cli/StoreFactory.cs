using Csa.Core;
using Csa.Storage;
using Csa.Storage.DuckDb;

namespace Csa.Cli;

/// <summary>The one place that turns a <c>--store</c> value into a store: the composition root's choice of backend. Every
/// command sees only <see cref="ICsaStore"/>.</summary>
public static class StoreFactory
{
    /// <summary>Opens (creating or migrating as needed) the store that <paramref name="store"/> names.</summary>
    /// <param name="store">A DuckDB file's path, or a server's connection string or URL.</param>
    /// <param name="time">The clock for ledger timestamps.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="CsaStoreException">The store cannot be opened; the message says why (never a password).</exception>
    public static Task<ICsaStore> OpenAsync(string store, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(store);
        if (NamesServer(store))
        {
            throw new CsaStoreException("This csa keeps its data in a DuckDB file: --store takes the file's path. The value given looks like a database server's connection string or URL, which this version cannot open.");
        }

        return OpenFileAsync(store, time, cancellationToken);
    }

    static async Task<ICsaStore> OpenFileAsync(string path, TimeProvider time, CancellationToken cancellationToken) =>
        await DuckDbStore.OpenAsync(path, time, cancellationToken).ConfigureAwait(false);

    /// <summary>Whether the value names a database server (a <c>postgres://</c> URL or a <c>Host=…</c> connection string)
    /// rather than a file.</summary>
    public static bool NamesServer(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var value = store.TrimStart();
        return value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || value.Contains(";Host=", StringComparison.OrdinalIgnoreCase);
    }
}
