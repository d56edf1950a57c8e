using System.Globalization;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Rates;

/// <summary>Proposes a most similar group when no official one is at hand: the areas of the same level nearest on
/// the published indicators csa holds.</summary>
/// <remarks>
/// Indicators: log₁₀ of the population (the estimate of the year given) and the mean Index of Multiple Deprivation
/// 2019 rank of the area's 2011 LSOAs. Each is standardised (z-score over all candidate areas of the level); the
/// distance is Euclidean. Density is not used: csa holds boundaries for a few districts only. The Home Office's
/// own groups use more variables (METHODS.md 1.5), so a proposed group is a stand-in, and says so.
/// </remarks>
public sealed class NearestNeighbours(ICsaStore store)
{
    /// <summary>The area and its <paramref name="size"/> − 1 nearest neighbours, nearest first, with their distances.</summary>
    /// <exception cref="CsaQueryException">The indicators are not held for the area.</exception>
    public async Task<(IReadOnlyList<(AreaIndicators Area, double Distance)> Group, string Method)> ProposeAsync(Area area, int size, int populationYear, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        var candidates = await store.GetAreaIndicatorsAsync(area.Level, populationYear, cancellationToken).ConfigureAwait(false);
        var self = candidates.FirstOrDefault(c => c.Area.Code == area.Code)
            ?? throw new CsaQueryException(
                $"csa cannot propose a group for {area.Describe()}: it needs the mid-{populationYear} population estimates and the deprivation ranks of its LSOAs " +
                "(csa import population FILE; csa import deprivation FILE).");
        double[] Features(AreaIndicators a) => [Math.Log10(a.Population), a.MeanDeprivationRank];
        var features = candidates.Select(Features).ToArray();
        var means = Enumerable.Range(0, 2).Select(j => features.Average(f => f[j])).ToArray();
        var spreads = Enumerable.Range(0, 2).Select(j => Math.Sqrt(features.Average(f => Math.Pow(f[j] - means[j], 2)))).Select(s => s == 0 ? 1 : s).ToArray();
        var own = Features(self);
        var group = candidates
            .Select(c => (Area: c, Distance: Math.Sqrt(Features(c).Select((v, j) => Math.Pow((v - own[j]) / spreads[j], 2)).Sum())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Area.Area.Code, StringComparer.Ordinal)
            .Take(size)
            .ToList();
        var method = string.Create(CultureInfo.InvariantCulture,
            $"Proposed group (no official group given): {area.Name} and the {size - 1} {area.Level.ToString().ToLowerInvariant()}s nearest on log population (mid-{populationYear}) and mean IMD 2019 rank of their LSOAs, each standardised over {candidates.Count} areas, by Euclidean distance: ") +
            string.Join("; ", group.Skip(1).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Area.Area.Name} {g.Distance:0.00}"))) +
            ". A stand-in for the Home Office's most similar group, which uses more variables.";
        return (group, method);
    }
}
