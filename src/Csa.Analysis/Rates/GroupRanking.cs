using Csa.Statistics;

namespace Csa.Analysis.Rates;

/// <summary>A member of a most similar group with its figures (null count: missing, not zero).</summary>
/// <param name="Code">The member's ONS code.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Count">Its crimes in the period, or null when its data are missing.</param>
/// <param name="Population">Its population, or null when missing.</param>
/// <param name="Missing">Why it is missing, when it is.</param>
public sealed record GroupMember(string Code, string Name, long? Count, double? Population, string? Missing);

/// <summary>A member's place in the group.</summary>
/// <param name="Member">The member.</param>
/// <param name="Rank">Its rank (1 = highest rate), or null when missing.</param>
/// <param name="Rate">Its rate per 1,000 with interval, or null when missing.</param>
public sealed record RankedMember(GroupMember Member, int? Rank, Rate? Rate);

/// <summary>How the area stands in its group.</summary>
/// <param name="Members">Every member, ranked ones first in rank order, then the missing.</param>
/// <param name="AreaRank">The area's rank.</param>
/// <param name="Ranked">How many members were ranked.</param>
/// <param name="GroupRate">The group average rate per 1,000: the group's crimes ÷ its population (weighted).</param>
/// <param name="Expected">The area's expected count at the group rate.</param>
/// <param name="AreaVersusGroup">−1 significantly below the average, +1 above, 0 not significantly different.</param>
/// <param name="SimpleMeanRate">The other convention: the simple mean of the ranked members' rates per 1,000, the area included
/// (as HMIC's Crime and Policing Comparator showed it); every member counts alike, whatever its size.</param>
public sealed record GroupRanking(IReadOnlyList<RankedMember> Members, int AreaRank, int Ranked, double GroupRate, double Expected, int AreaVersusGroup, double SimpleMeanRate);

/// <summary>Ranks a most similar group as iQuanta shows it.</summary>
/// <remarks>
/// Rank 1 is the highest rate (the most crime per head): the seed's "ranked 13 of 15" with a rate below the
/// group average reads this way. Ties share the lowest rank number (1, 2, 2, 4). The group average is weighted,
/// as HMICFRS computes it: the members' crimes over their population, with or without the area itself (an
/// option). The area is significantly above or below it when its count lies outside the exact Poisson limits
/// around the expected count E = group rate × its population (95%). The simple mean of the members' rates (the area
/// included) is given beside it, labelled, as the other published convention. Members with missing data are listed,
/// never ranked as zero.
/// </remarks>
public static class GroupRankings
{
    /// <summary>Ranks the members.</summary>
    /// <exception cref="ArgumentException">The area is not a member, or has no figures.</exception>
    public static GroupRanking Rank(IReadOnlyList<GroupMember> members, string areaCode, bool includeAreaInAverage)
    {
        ArgumentNullException.ThrowIfNull(members);
        var area = members.SingleOrDefault(m => m.Code == areaCode)
            ?? throw new ArgumentException($"The area {areaCode} is not a member of the group.", nameof(areaCode));
        if (area.Count is null || area.Population is null)
        {
            throw new ArgumentException($"The area {areaCode} has no figures: {area.Missing}", nameof(members));
        }

        var present = members.Where(m => m.Count is not null && m.Population is > 0).ToArray();
        var rates = present.ToDictionary(m => m.Code, m => Rate.Of(m.Count!.Value, m.Population!.Value, 1000));
        var ranked = present
            .OrderByDescending(m => rates[m.Code].Value)
            .Select(m => new RankedMember(m, 1 + present.Count(other => rates[other.Code].Value > rates[m.Code].Value), rates[m.Code]))
            .ToList();
        ranked.AddRange(members.Where(m => !rates.ContainsKey(m.Code)).Select(m => new RankedMember(m, null, null)));
        var averageOver = present.Where(m => includeAreaInAverage || m.Code != areaCode).ToArray();
        var groupRate = averageOver.Sum(m => m.Count!.Value) / averageOver.Sum(m => m.Population!.Value) * 1000;
        var expected = groupRate / 1000 * area.Population.Value;
        var versus = expected > 0 ? PoissonLimits.Compare(area.Count.Value, expected) : 0;
        var simpleMean = rates.Values.Average(r => r.Value);
        return new GroupRanking(ranked, ranked.Single(r => r.Member.Code == areaCode).Rank!.Value, present.Length, groupRate, expected, versus, simpleMean);
    }
}
