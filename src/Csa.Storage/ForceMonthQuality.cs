using Csa.Core;

namespace Csa.Storage;

/// <summary>Data-quality figures for one force's street data in one month.</summary>
/// <param name="ForceSlug">The force's data.police.uk slug.</param>
/// <param name="Month">The month.</param>
/// <param name="Crimes">Crime rows.</param>
/// <param name="AntiSocialBehaviour">Anti-social behaviour rows.</param>
/// <param name="NoLocation">Rows with no coordinates.</param>
/// <param name="NoLsoa">Rows with no LSOA code.</param>
/// <param name="LsoaNotInLookup">Rows whose LSOA code is in no held lookup (so they reach no ward or district).</param>
/// <param name="Lsoa2011">Rows whose LSOA code is a 2011 code (2011 codes unchanged in 2021 count here).</param>
/// <param name="Lsoa2021">Rows whose LSOA code exists only in the 2021 vintage.</param>
/// <param name="OutsideForceArea">Rows whose LSOA lies in a district of another police force area.</param>
/// <param name="ExactDuplicates">Rows identical in every column to an earlier row of the same file.</param>
public sealed record ForceMonthQuality(
    string ForceSlug,
    Month Month,
    long Crimes,
    long AntiSocialBehaviour,
    long NoLocation,
    long NoLsoa,
    long LsoaNotInLookup,
    long Lsoa2011,
    long Lsoa2021,
    long OutsideForceArea,
    long ExactDuplicates);
