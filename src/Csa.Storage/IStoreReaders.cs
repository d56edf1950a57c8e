namespace Csa.Storage;

/// <summary>How a server reads a store: a reader for each request, and a name for the state of the data. The atlas knows
/// stores by this interface only; each backend keeps its own way of sharing (DuckDB: one read-only database opened once,
/// let go when a csa command asks to write).</summary>
public interface IStoreReaders : IAsyncDisposable
{
    /// <summary>The state of the data: it changes when an import changes the data, and names the answers made from it (for
    /// ETags and the response cache).</summary>
    string DataVersion { get; }

    /// <summary>A reader of the store for one request; dispose it when the request is done.</summary>
    /// <exception cref="Core.CsaStoreException">The store cannot be read now (a writer holds it: the server answers 503) or at all.</exception>
    Task<ICsaStore> OpenAsync(CancellationToken cancellationToken);

    /// <summary>What the atlas's instances share through this store (failed logins, data-protection keys), or null when the
    /// store holds none of it: a DuckDB file, served by one process that keeps that state itself, or a store this server
    /// cannot write (see <see cref="LoginsUnavailable"/>).</summary>
    IAtlasState? SharedState { get; }

    /// <summary>Why the restricted atlas (logins) cannot be served from this store, or null when it can: a replica or a
    /// read-only role serves the public atlas only, since logins must be counted where every instance sees them.</summary>
    string? LoginsUnavailable { get; }
}
