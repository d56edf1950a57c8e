using Csa.Storage.DuckDb;
using Microsoft.Extensions.Options;

namespace Csa.Web.Extensions;

/// <summary>Opens the store read-only for one request: the atlas never writes, so csa imports and other
/// readers are not kept out for longer than a request (DuckDB allows one writer or many readers).</summary>
public sealed class StoreAccess(IOptions<AtlasOptions> options, TimeProvider time)
{
    /// <summary>Opens the store read-only.</summary>
    public Task<DuckDbStore> OpenAsync(CancellationToken cancellationToken) =>
        DuckDbStore.OpenReadOnlyAsync(options.Value.StorePath, time, cancellationToken);
}
