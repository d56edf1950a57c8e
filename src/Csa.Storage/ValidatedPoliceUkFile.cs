using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;

namespace Csa.Storage;

/// <summary>A data.police.uk street or outcomes file that csa has validated, ready for a bulk load.</summary>
/// <param name="Kind">Street or outcomes.</param>
/// <param name="ForceSlug">The force, from the file name.</param>
/// <param name="Month">The month, from the file name (every row's Month column was checked against it).</param>
/// <param name="Source">The file as the user named it, with its checksum.</param>
/// <param name="CsvPath">A file on disk holding exactly the validated bytes (for a zip entry, a temporary copy).</param>
/// <param name="Rows">The number of data rows.</param>
public sealed record ValidatedPoliceUkFile(PoliceUkFileKind Kind, string ForceSlug, Month Month, SourceFile Source, string CsvPath, long Rows);

/// <summary>What adding a file to an import replaced.</summary>
/// <param name="ReplacesEarlierImport">Whether the store held this force, month and kind before.</param>
/// <param name="EarlierImportIdentical">Whether that earlier file had the same checksum (the replacement changes nothing).</param>
public sealed record FileReplacement(bool ReplacesEarlierImport, bool EarlierImportIdentical);
