using System.Globalization;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Rates;

/// <summary>How a group is proposed: the indicators (all by default) and the distance.</summary>
/// <param name="Indicators">Indicator keys (<see cref="CensusIndicators.All"/>); null or empty: all.</param>
/// <param name="Manhattan">Sum of absolute differences instead of the Euclidean distance.</param>
public sealed record NearestOptions(IReadOnlyList<string>? Indicators = null, bool Manhattan = false);

/// <summary>A proposed group: the area first, then its nearest neighbours, with the distances, the areas left out for want of
/// data, ONS's own nearest neighbours of the area, and the method in words.</summary>
/// <param name="Members">The area (distance 0) and its neighbours, nearest first.</param>
/// <param name="LeftOut">Areas of the level that could not be placed, with why: never ranked.</param>
/// <param name="OnsNeighbours">ONS's "similar areas" of the area among the proposed members (empty when ONS publishes none for it).</param>
/// <param name="Method">The method, the distances and the ONS overlap, for notes.</param>
public sealed record ProposedGroup(IReadOnlyList<(Area Area, double Distance)> Members, IReadOnlyList<(Area Area, string Why)> LeftOut, IReadOnlyList<string> OnsNeighbours, string Method);

/// <summary>Proposes a most similar group when no official one is at hand: the districts (or partnerships) nearest on the Census
/// 2021 indicators of the kinds the Home Office built its groups from.</summary>
/// <remarks>
/// Each indicator is standardised (a z-score over every area of the level that has all of them) and the distance is Euclidean
/// (or Manhattan). An area without an indicator's value (IMD for Wales and the councils formed after 2019) is left out and
/// listed, never ranked. Beside the group, ONS's own "similar areas" of the area (its 20 nearest on ONS's global measure) show
/// how far an official comparator agrees. The Home Office's police most similar groups were built by its own method: a proposed
/// group is a stand-in, and says so.
/// </remarks>
public sealed class NearestNeighbours(ICsaStore store)
{
    /// <summary>The area and its <paramref name="size"/> − 1 nearest neighbours.</summary>
    /// <exception cref="CsaQueryException">The area is not a district or partnership, or lacks an indicator.</exception>
    public async Task<ProposedGroup> ProposeAsync(Area area, int size, NearestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        options ??= new NearestOptions();
        if (area.Level is not (AreaLevel.District or AreaLevel.Partnership))
        {
            throw new CsaQueryException($"csa proposes groups of districts or of partnerships; {area.Describe()} is neither: give a group file (--group).");
        }

        var indicators = CensusIndicators.Choose(options.Indicators);
        var census = CensusIndicators.BuiltIn();
        var placed = new List<(Area Area, double[] Values)>();
        var leftOut = new List<(Area Area, string Why)>();
        foreach (var candidate in await store.GetAreasAsync(area.Level, cancellationToken).ConfigureAwait(false))
        {
            var districts = candidate.Level == AreaLevel.District ? [candidate.Code] : await store.GetDistrictCodesAsync(candidate, cancellationToken).ConfigureAwait(false);
            var (values, missing) = census.Values(districts, indicators);
            if (values is null)
            {
                leftOut.Add((candidate, missing!));
            }
            else
            {
                placed.Add((candidate, values));
            }
        }

        var self = placed.FirstOrDefault(p => p.Area.Code == area.Code);
        if (self.Area is null)
        {
            var why = leftOut.FirstOrDefault(l => l.Area.Code == area.Code).Why ?? "it is not in the held lookups";
            var districts = area.Level == AreaLevel.District ? [area.Code] : await store.GetDistrictCodesAsync(area, cancellationToken).ConfigureAwait(false);
            var usable = indicators.Where(i => census.Values(districts, [i]).Values is not null).Select(i => i.Key).ToArray();
            throw new CsaQueryException($"csa cannot propose a group for {area.Describe()}: {why}. "
                + (usable.Length > 0 ? $"Use the indicators it has (--indicators {string.Join(",", usable)}) or give a group file (--group)." : "Give a group file (--group)."));
        }

        var means = Enumerable.Range(0, indicators.Count).Select(j => placed.Average(p => p.Values[j])).ToArray();
        var spreads = Enumerable.Range(0, indicators.Count).Select(j => Math.Sqrt(placed.Average(p => Math.Pow(p.Values[j] - means[j], 2)))).Select(s => s == 0 ? 1 : s).ToArray();
        double Distance(double[] values) => options.Manhattan
            ? values.Select((v, j) => Math.Abs((v - self.Values[j]) / spreads[j])).Sum()
            : Math.Sqrt(values.Select((v, j) => Math.Pow((v - self.Values[j]) / spreads[j], 2)).Sum());
        var members = placed
            .Select(p => (p.Area, Distance: p.Area.Code == area.Code ? 0 : Distance(p.Values)))
            .OrderBy(p => p.Distance)
            .ThenBy(p => p.Area.Code, StringComparer.Ordinal)
            .Take(size)
            .ToList();

        var c = CultureInfo.InvariantCulture;
        var ons = census.OnsNeighbours(area.Code).Take(size - 1).ToArray();
        var overlap = members.Skip(1).Where(m => ons.Contains(m.Area.Code)).Select(m => m.Area).ToArray();
        var level = area.Level.ToString().ToLowerInvariant();
        var method = string.Create(c,
            $"Proposed group (no official group given): {area.Name} and the {size - 1} {level}s nearest on {string.Join(", ", indicators.Select(i => i.Label))}; each standardised over the {placed.Count} {level}s that have them all; {(options.Manhattan ? "Manhattan" : "Euclidean")} distance. ")
            + string.Join("; ", members.Skip(1).Select(m => string.Create(c, $"{m.Area.Name} {m.Distance:0.00}")))
            + (leftOut.Count > 0 ? $". Left out for want of data, never ranked: {leftOut.Count} {level}s ({string.Join(", ", leftOut.Take(6).Select(l => l.Area.Name))}{(leftOut.Count > 6 ? ", …" : string.Empty)})" : string.Empty)
            + (ons.Length > 0
                ? string.Create(c, $". ONS's similar areas (its {ons.Length} nearest to {area.Name} on its global measure): {overlap.Length} of the {size - 1} proposed {(overlap.Length == 1 ? "is" : "are")} among them{(overlap.Length > 0 ? $" ({string.Join(", ", overlap.Select(o => o.Name))})" : string.Empty)}")
                : ". ONS publishes similar areas for local authorities; this area has none there")
            + $". Source: {CensusIndicators.Source}. A stand-in for the Home Office's most similar group, made by its own method.";
        return new ProposedGroup(members, leftOut, [.. overlap.Select(o => o.Code)], method);
    }
}
