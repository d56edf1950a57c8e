using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;

namespace Csa.Storage;

/// <summary>One atomic import of data.police.uk files.</summary>
/// <remarks>
/// data.police.uk publishes by (force, month) and republishes months, so each file replaces whatever the
/// store held for its force, month and kind. Nothing is visible to readers until <see cref="CommitAsync"/>;
/// disposing the batch without committing leaves the store as it was.
/// </remarks>
public interface IPoliceUkImportBatch : IAsyncDisposable
{
    /// <summary>Opens a street file for writing, removing any earlier import of the same force and month.</summary>
    Task<IRecordWriter<StreetRecord>> ReplaceStreetMonthAsync(string forceSlug, Month month, SourceFile source, CancellationToken cancellationToken = default);

    /// <summary>Opens an outcomes file for writing, removing any earlier import of the same force and month.</summary>
    Task<IRecordWriter<OutcomeRecord>> ReplaceOutcomesMonthAsync(string forceSlug, Month month, SourceFile source, CancellationToken cancellationToken = default);

    /// <summary>Makes every file written in the batch visible, at once.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
