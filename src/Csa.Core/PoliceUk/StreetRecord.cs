namespace Csa.Core.PoliceUk;

/// <summary>One validated row of a data.police.uk street file: a crime or an anti-social behaviour incident.</summary>
/// <param name="CrimeId">The crime's 64-character identifier; null for anti-social behaviour.</param>
/// <param name="Month">The month the crime was recorded in.</param>
/// <param name="ReportedBy">The force that provided the data.</param>
/// <param name="FallsWithin">The force whose area the crime falls within (currently always the same as <paramref name="ReportedBy"/>).</param>
/// <param name="Longitude">The anonymised point's longitude (WGS84), or null when the crime has no location.</param>
/// <param name="Latitude">The anonymised point's latitude (WGS84), or null when the crime has no location.</param>
/// <param name="Location">The anonymised location's description ("On or near …", "No location").</param>
/// <param name="LsoaCode">The LSOA the anonymised point falls in (2011 or 2021 codes), or null.</param>
/// <param name="LsoaName">The LSOA's name, or null.</param>
/// <param name="CrimeType">One of the 14 types in <see cref="PoliceUkCrimeTypes"/>.</param>
/// <param name="LastOutcomeCategory">The latest outcome when the file was made, or null.</param>
/// <param name="Context">Free text, usually empty.</param>
/// <param name="Line">The row's line number in its file (the header is line 1).</param>
public readonly record struct StreetRecord(
    string? CrimeId,
    Month Month,
    string ReportedBy,
    string FallsWithin,
    double? Longitude,
    double? Latitude,
    string Location,
    string? LsoaCode,
    string? LsoaName,
    string CrimeType,
    string? LastOutcomeCategory,
    string? Context,
    int Line);
