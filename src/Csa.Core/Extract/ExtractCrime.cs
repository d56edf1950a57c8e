namespace Csa.Core.Extract;

/// <summary>One crime of a force's record-level extract, validated.</summary>
/// <param name="CrimeReference">The force's crime reference: a re-import of the same reference updates the crime.</param>
/// <param name="RecordedDate">The day the crime was recorded.</param>
/// <param name="OffenceCode">The Home Office offence code, as csa writes it (see <see cref="Classification.OffenceCodes"/>).</param>
/// <param name="LsoaCode">The crime's LSOA, when the extract gives one.</param>
/// <param name="WardCode">The crime's ward: from the extract, or from the LSOA through the held lookup.</param>
/// <param name="DistrictCode">The crime's district, through the held lookup.</param>
/// <param name="Longitude">The crime's longitude (WGS84), when given.</param>
/// <param name="Latitude">The crime's latitude (WGS84), when given.</param>
/// <param name="Markers">The markers the crime carries (keys of <see cref="Classification.Markers"/>).</param>
/// <param name="VictimAge">The victim's age in years, when recorded.</param>
/// <param name="VictimSex">The victim's sex.</param>
/// <param name="OffenderAge">The offender's age in years, when recorded.</param>
/// <param name="OffenderSex">The offender's sex.</param>
/// <param name="VictimSupportsRecording">Whether the victim supports the recording; null when not recorded.</param>
/// <param name="Line">The crime's line in its file.</param>
public sealed record ExtractCrime(
    string CrimeReference,
    DateOnly RecordedDate,
    string OffenceCode,
    string? LsoaCode,
    string WardCode,
    string DistrictCode,
    double? Longitude,
    double? Latitude,
    IReadOnlyList<string> Markers,
    int? VictimAge,
    Sex VictimSex,
    int? OffenderAge,
    Sex OffenderSex,
    bool? VictimSupportsRecording,
    int Line);
