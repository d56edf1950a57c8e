namespace Csa.Core.Classification;

/// <summary>A Home Office offence code with its place in the ONS police recorded crime hierarchy.</summary>
/// <param name="Code">The code as csa writes it: HOCR's <c>/</c> written <c>.</c> (<c>8N</c>, <c>105A</c>, <c>4.4</c> for 4/4).</param>
/// <param name="Description">The offence, as the Home Office open data names it.</param>
/// <param name="Group">The ONS offence group (Violence against the person, Theft offences, …).</param>
/// <param name="Subgroup">The ONS subgroup (Violence with injury, Residential burglary, …).</param>
/// <param name="PoliceUkType">The data.police.uk crime type the offence falls in, or null (fraud: data.police.uk publishes none).</param>
public sealed record OffenceCode(string Code, string Description, string Group, string Subgroup, string? PoliceUkType)
{
    /// <summary>The ONS groups of victim-based crime.</summary>
    public static IReadOnlyList<string> VictimBasedGroups { get; } =
        ["Violence against the person", "Sexual offences", "Robbery", "Theft offences", "Criminal damage and arson"];

    /// <summary>The ONS groups of other crimes against society.</summary>
    public static IReadOnlyList<string> OtherCrimesAgainstSocietyGroups { get; } =
        ["Drug offences", "Possession of weapons offences", "Public order offences", "Miscellaneous crimes against society"];

    /// <summary>Whether the offence is victim-based crime (ONS).</summary>
    public bool IsVictimBased => VictimBasedGroups.Contains(Group);
}
