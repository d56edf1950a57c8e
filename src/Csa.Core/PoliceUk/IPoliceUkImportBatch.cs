namespace Csa.Core.PoliceUk;

/// <summary>One atomic import of data.police.uk files.</summary>
/// <remarks>
/// data.police.uk publishes by (force, month) and republishes months, so each file replaces whatever the
/// store held for its force, month and kind. Files are added, with their records, as csa validates them (the store
/// writes them at once, in bulk); nothing is visible to readers until <see cref="CommitAsync"/> returns, and disposing
/// the batch without committing leaves the store as it was.
/// </remarks>
public interface IPoliceUkImportBatch : IAsyncDisposable
{
    /// <summary>Adds a validated file and its records, removing what the store held for its force, month and kind.</summary>
    /// <returns>Whether an earlier import is being replaced, and whether it was the same file.</returns>
    Task<FileReplacement> AddFileAsync(ValidatedPoliceUkFile file, CancellationToken cancellationToken = default);

    /// <summary>Makes every added file visible, at once.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
