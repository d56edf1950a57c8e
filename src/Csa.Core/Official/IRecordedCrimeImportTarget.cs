using Csa.Core.Geography;
using Csa.Core.Importing;

namespace Csa.Core.Official;

/// <summary>Where Home Office recorded crime tables are imported (a store): what the import asks of it and writes to it.</summary>
public interface IRecordedCrimeImportTarget
{
    /// <summary>The areas held at one level (from the geography lookups).</summary>
    Task<IReadOnlyList<Area>> GetAreasAsync(AreaLevel level, CancellationToken cancellationToken = default);

    /// <summary>The quarters of Home Office recorded crime held at a level, with their release and total.</summary>
    Task<IReadOnlyList<RecordedCrimeQuarter>> GetRecordedCrimeQuartersAsync(RecordedCrimeLevel level, CancellationToken cancellationToken = default);

    /// <summary>Replaces, in one transaction, the held rows of the given quarters with <paramref name="rows"/> (which are all of
    /// those quarters' rows), records the quarters' release, and records the file in the ledger.</summary>
    /// <param name="quarters">The quarters written, each with its release and total.</param>
    /// <param name="rows">Their rows.</param>
    /// <param name="areaCodes">The ONS code of each area name, or null where none is known.</param>
    /// <param name="source">The file.</param>
    /// <param name="cancellationToken">Cancels the import (nothing is written).</param>
    Task ReplaceRecordedCrimeAsync(IReadOnlyList<RecordedCrimeQuarter> quarters, IReadOnlyList<RecordedCrimeRow> rows, IReadOnlyDictionary<string, string?> areaCodes, SourceFile source, CancellationToken cancellationToken = default);
}
