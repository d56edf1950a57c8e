namespace Csa.Core.PoliceUk;

/// <summary>The 14 crime types of data.police.uk's street files, anti-social behaviour among them.</summary>
/// <remarks>
/// Spelled exactly as data.police.uk writes them in the Crime type column. Anti-social behaviour is an
/// incident type, not a crime: csa never adds it into a crime total unless asked.
/// </remarks>
public static class PoliceUkCrimeTypes
{
    /// <summary>The one type that is not a crime.</summary>
    public const string AntiSocialBehaviour = "Anti-social behaviour";

    /// <summary>Every type, in data.police.uk's own order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AntiSocialBehaviour,
        "Bicycle theft",
        "Burglary",
        "Criminal damage and arson",
        "Drugs",
        "Other theft",
        "Possession of weapons",
        "Public order",
        "Robbery",
        "Shoplifting",
        "Theft from the person",
        "Vehicle crime",
        "Violence and sexual offences",
        "Other crime",
    ];

    /// <summary>The 13 crime types: every type but anti-social behaviour.</summary>
    public static IReadOnlyList<string> Crimes { get; } = [.. All.Skip(1)];

    static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="crimeType"/> is one of the 14 types, spelled exactly.</summary>
    public static bool IsKnown(string crimeType) => Known.Contains(crimeType);

    /// <summary>Whether <paramref name="crimeType"/> is anti-social behaviour.</summary>
    public static bool IsAntiSocialBehaviour(string crimeType) =>
        string.Equals(crimeType, AntiSocialBehaviour, StringComparison.Ordinal);
}
