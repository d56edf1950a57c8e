using Csa.Core.Extract;
using Csa.Core.Importing;
using Csa.Ingest.Internal;

namespace Csa.Ingest.Extract;

/// <summary>Imports a force's record-level extract, all or nothing.</summary>
/// <remarks>The whole file is validated first; any problem lists every issue and leaves the store as it was.
/// A crime reference the store already holds is updated, never added twice.</remarks>
public sealed class ExtractImporter(IExtractImportTarget store)
{
    /// <summary>Imports <paramref name="path"/> read through the mapping at <paramref name="mappingPath"/>.</summary>
    /// <exception cref="CsaImportException">The mapping or the file has problems; nothing was imported.</exception>
    public async Task<(ExtractImportResult Result, int Crimes)> ImportAsync(string path, string mappingPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var mapping = ExtractMapping.Load(mappingPath);
        var (text, source) = await InputFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        var issues = new List<ImportIssue>();

        var places = await store.GetPlacesAsync(cancellationToken).ConfigureAwait(false);
        var crimes = ExtractReader.Read(text, path, mapping, places, issues);
        if (issues.Count > 0)
        {
            throw new CsaImportException(issues);
        }

        var result = await store.ImportExtractAsync(crimes, source, mapping.Synthetic, cancellationToken).ConfigureAwait(false);
        return (result, crimes.Count);
    }
}
