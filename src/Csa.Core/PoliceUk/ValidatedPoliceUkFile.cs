using Csa.Core.Importing;

namespace Csa.Core.PoliceUk;

/// <summary>A data.police.uk street or outcomes file that csa has read and validated, with its records, ready for a
/// bulk load. No path crosses to the store: it gets the records themselves, column by column.</summary>
/// <param name="Kind">Street or outcomes.</param>
/// <param name="ForceSlug">The force, from the file name.</param>
/// <param name="Month">The month, from the file name (every row's Month column was checked against it).</param>
/// <param name="Source">The file as the user named it, with its checksum.</param>
/// <param name="Street">A street file's records (null for an outcomes file).</param>
/// <param name="Outcomes">An outcomes file's records (null for a street file).</param>
public sealed record ValidatedPoliceUkFile(PoliceUkFileKind Kind, string ForceSlug, Month Month, SourceFile Source, StreetRecordColumns? Street, OutcomeRecordColumns? Outcomes)
{
    /// <summary>The number of data rows.</summary>
    public long Rows => Street?.Count ?? Outcomes?.Count ?? 0;
}

/// <summary>What adding a file to an import replaced.</summary>
/// <param name="ReplacesEarlierImport">Whether the store held this force, month and kind before.</param>
/// <param name="EarlierImportIdentical">Whether that earlier file had the same checksum (the replacement changes nothing).</param>
public sealed record FileReplacement(bool ReplacesEarlierImport, bool EarlierImportIdentical);
