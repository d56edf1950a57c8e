using Csa.Core;
using Csa.Core.Official;

namespace Csa.Ingest.Official;

/// <summary>What an import of a Home Office recorded crime table did.</summary>
/// <param name="Level">Force or partnership.</param>
/// <param name="Rows">Rows read.</param>
/// <param name="Release">The release the rows were held as.</param>
/// <param name="ReleaseFrom">Where that date came from: the option, the file name, or the import order.</param>
/// <param name="Added">Quarters not held before.</param>
/// <param name="Unchanged">Quarters held before with the same total.</param>
/// <param name="Revised">Quarters held before whose total this release revises.</param>
/// <param name="KeptNewer">Quarters not written because a newer release is held.</param>
/// <param name="LargestRevision">The revision of largest size, if any.</param>
/// <param name="NationalBodies">Bodies with no area in the lookups (British Transport Police, the fraud bodies), held under their names.</param>
/// <param name="Unmatched">Other names no held area matches (held under their names; no area figure uses them).</param>
public sealed record RecordedCrimeImportResult(
    RecordedCrimeLevel Level,
    int Rows,
    DateTimeOffset Release,
    string ReleaseFrom,
    int Added,
    int Unchanged,
    int Revised,
    int KeptNewer,
    RecordedCrimeRevision? LargestRevision,
    IReadOnlyList<string> NationalBodies,
    IReadOnlyList<string> Unmatched);

/// <summary>One quarter's total revised by a newer release.</summary>
public sealed record RecordedCrimeRevision(string Area, FinancialYear Year, int Quarter, long Before, long After);
