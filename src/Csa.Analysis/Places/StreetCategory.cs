using Csa.Core.PoliceUk;
using Csa.Storage;

namespace Csa.Analysis.Places;

/// <summary>The categories of street records a map can show: all crime, or one of data.police.uk's crime types.
/// Anti-social behaviour is never counted as crime.</summary>
public static class StreetCategory
{
    /// <summary>Every crime type: the default category.</summary>
    public const string AllCrime = "All crime";

    /// <summary>All crime, then the crime types in data.police.uk's order.</summary>
    public static IReadOnlyList<string> All { get; } = [AllCrime, .. PoliceUkCrimeTypes.Crimes];

    /// <summary>Whether <paramref name="category"/> is one.</summary>
    public static bool IsKnown(string category) => category == AllCrime || PoliceUkCrimeTypes.Crimes.Contains(category);

    /// <summary>Whether a count belongs to the category: crime (never anti-social behaviour) of that type, or any crime type for
    /// all crime; anti-social behaviour only when the category is anti-social behaviour itself (the document's own section on
    /// it), never mixed with crime.</summary>
    public static bool Includes(string category, CrimeCountRow count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return PoliceUkCrimeTypes.IsAntiSocialBehaviour(category)
            ? count.IsAntiSocialBehaviour
            : !count.IsAntiSocialBehaviour && (category == AllCrime || count.CrimeType == category);
    }
}
