using Csa.Core.Geography;
using Csa.Core.Importing;

namespace Csa.Core.Extract;

/// <summary>Where a local police extract is imported (a store): what the import asks of it and writes to it.</summary>
public interface IExtractImportTarget
{
    /// <summary>Where every held LSOA and ward lies: for placing the crimes of a local extract.</summary>
    Task<PlaceLookup> GetPlacesAsync(CancellationToken cancellationToken = default);

    /// <summary>Imports a validated extract atomically; a crime reference the store holds is replaced, not added again.</summary>
    /// <remarks>The ledger records the file as kind <c>extract</c>, or <c>extract-synthetic</c> when <paramref name="synthetic"/>.</remarks>
    Task<ExtractImportResult> ImportExtractAsync(IReadOnlyList<ExtractCrime> crimes, SourceFile source, bool synthetic, CancellationToken cancellationToken = default);
}
