namespace Csa.Core.Geography;

/// <summary>Councils formed since April 2019 by merging districts: ONS's current estimates give only the new council, while
/// csa's lookups are of 2019. A merged council's population belongs to the set of its former districts together, never to any
/// one of them; each such council lies wholly within one police force area.</summary>
public static class MergedCouncils
{
    static readonly Dictionary<string, string[]> FormerDistricts = new(StringComparer.Ordinal)
    {
        ["E06000060"] = ["E07000004", "E07000005", "E07000006", "E07000007"], // Buckinghamshire (2020)
        ["E06000061"] = ["E07000150", "E07000152", "E07000153", "E07000156"], // North Northamptonshire (2021)
        ["E06000062"] = ["E07000151", "E07000154", "E07000155"], // West Northamptonshire (2021)
        ["E06000063"] = ["E07000026", "E07000028", "E07000029"], // Cumberland (2023)
        ["E06000064"] = ["E07000027", "E07000030", "E07000031"], // Westmorland and Furness (2023)
        ["E06000065"] = ["E07000163", "E07000164", "E07000165", "E07000166", "E07000167", "E07000168", "E07000169"], // North Yorkshire (2023)
        ["E06000066"] = ["E07000187", "E07000188", "E07000189", "E07000246"], // Somerset (2023)
    };

    static readonly Dictionary<string, string> Successors = FormerDistricts
        .SelectMany(m => m.Value.Select(d => (District: d, Council: m.Key)))
        .ToDictionary(p => p.District, p => p.Council, StringComparer.Ordinal);

    /// <summary>The council a 2019 district has merged into, or null.</summary>
    public static string? Successor(string districtCode) => Successors.GetValueOrDefault(districtCode);

    /// <summary>The 2019 districts a merged council was formed from (empty for any other code).</summary>
    public static IReadOnlyList<string> Former(string councilCode) => FormerDistricts.GetValueOrDefault(councilCode) ?? [];

    /// <summary>The population of the 2019 districts <paramref name="districts"/> together, from estimates by current council,
    /// or null when it cannot be known: no districts, a district with no estimate, or one of a merged council only part of
    /// which is among them.</summary>
    public static double? Total(IReadOnlyCollection<string> districts, Func<string, double?> estimate)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(estimate);
        var set = districts.ToHashSet(StringComparer.Ordinal);
        if (set.Count == 0)
        {
            return null;
        }

        var counted = new HashSet<string>(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var district in set)
        {
            var code = estimate(district) is not null ? district : Successor(district);
            if (code is null)
            {
                return null; // no estimate, and not a merged district
            }

            if (!counted.Add(code))
            {
                continue; // its merged council is counted already
            }

            if ((code != district && !Former(code).All(set.Contains)) || estimate(code) is not { } value)
            {
                return null; // only part of a merged council, or the council has no estimate
            }

            total += value;
        }

        return total;
    }
}
