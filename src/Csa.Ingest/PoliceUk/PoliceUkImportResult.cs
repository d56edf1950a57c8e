using Csa.Core;

namespace Csa.Ingest.PoliceUk;

/// <summary>What an import of data.police.uk files did.</summary>
/// <param name="StreetFiles">Street files imported.</param>
/// <param name="OutcomesFiles">Outcomes files imported.</param>
/// <param name="Crimes">Crime rows imported.</param>
/// <param name="AntiSocialBehaviour">Anti-social behaviour rows imported (held apart from crime).</param>
/// <param name="NoLocation">Rows imported with no location (kept, and counted here).</param>
/// <param name="Outcomes">Outcome rows imported.</param>
/// <param name="Replaced">The (force, month, kind) files that replaced earlier imports.</param>
/// <param name="StopAndSearchSkipped">Stop-and-search files passed over (csa does not use them).</param>
/// <param name="OtherFilesIgnored">Files under the given folders or zips whose names are not data.police.uk's.</param>
public sealed record PoliceUkImportResult(
    int StreetFiles,
    int OutcomesFiles,
    long Crimes,
    long AntiSocialBehaviour,
    long NoLocation,
    long Outcomes,
    IReadOnlyList<ReplacedFile> Replaced,
    int StopAndSearchSkipped,
    int OtherFilesIgnored);

/// <summary>A (force, month, kind) that the store held and an import replaced.</summary>
/// <param name="ForceSlug">The force.</param>
/// <param name="Month">The month.</param>
/// <param name="Kind">street or outcomes.</param>
/// <param name="Identical">Whether the new file had the same checksum as the one it replaced.</param>
public sealed record ReplacedFile(string ForceSlug, Month Month, string Kind, bool Identical);
