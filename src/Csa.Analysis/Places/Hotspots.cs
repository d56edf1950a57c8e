using System.Globalization;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;
using Csa.Storage;

namespace Csa.Analysis.Places;

/// <summary>One LSOA's hot spot statistic, its rate, and how many LSOAs border it.</summary>
public sealed record HotspotPlace(string Code, string Name, long Crimes, double RatePerThousand, int Neighbours, LocalG Statistic);

/// <summary>Gi* for every LSOA of an area, with the method stated.</summary>
public sealed record HotspotSet(Area Area, Period Period, string Category, int PopulationYear, bool FalseDiscoveryRate, IReadOnlyList<HotspotPlace> Places, IReadOnlyList<string> Notes);

/// <summary>Hot and cold spots of a street category: Getis-Ord Gi* on LSOA rates per 1,000 residents, with
/// neighbours from the held LSOA boundaries (queen contiguity), binary weights and the LSOA itself included.</summary>
public sealed class Hotspots(ICsaStore store)
{
    /// <summary>The boundary kind the statistic uses.</summary>
    public const string BoundaryKind = "lsoa11";

    /// <summary>Computes Gi* for the LSOAs of <paramref name="area"/>.</summary>
    /// <exception cref="CsaQueryException">No street data for the period, LSOA boundaries or estimates not held for every LSOA, or fewer than 3 LSOAs.</exception>
    public async Task<HotspotSet> BuildAsync(Area area, Period period, string category, bool falseDiscoveryRate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        var indicators = await new PlaceIndicators(store).BuildAsync(area, period, category, PlaceLevel.Lsoa, cancellationToken).ConfigureAwait(false);
        var lacking = indicators.Places.Where(p => p.Rate is null).Select(p => p.Code).ToArray();
        if (indicators.PopulationYear is null || lacking.Length > 0)
        {
            throw new CsaQueryException(
                $"Hot spots need a population estimate for every LSOA of {area.Describe()}; {(indicators.PopulationYear is null ? "none is held" : $"{lacking.Length} have none (first {lacking[0]})")}. " +
                "Import the 2011-coded mid-year estimates with csa import population.");
        }

        var boundaries = (await store.GetBoundariesAsync(BoundaryKind, [.. indicators.Places.Select(p => p.Code)], cancellationToken).ConfigureAwait(false))
            .ToDictionary(b => b.Code, StringComparer.Ordinal);
        var missing = indicators.Places.Where(p => !boundaries.ContainsKey(p.Code)).Select(p => p.Code).ToArray();
        if (missing.Length > 0)
        {
            throw new CsaQueryException(
                $"Hot spots need the 2011 LSOA boundaries of {area.Describe()}; {missing.Length} of {indicators.Places.Count} are not held (first {missing[0]}). " +
                "Import them with csa import boundaries FILE.");
        }

        if (indicators.Places.Count < 3)
        {
            throw new CsaQueryException($"{area.Describe()} has {indicators.Places.Count} LSOAs: hot spots need at least 3.");
        }

        var neighbours = Contiguity.QueenNeighbours([.. indicators.Places.Select(p => boundaries[p.Code].GeoJson)]);
        var rates = indicators.Places.Select(p => p.Rate!.Value).ToArray();
        var statistics = GetisOrd.Compute(rates, neighbours, falseDiscoveryRate);
        var places = indicators.Places.Select((p, i) => new HotspotPlace(p.Code, p.Name, p.Crimes, p.Rate!.Value, neighbours[i].Count, statistics[i])).ToArray();

        var notes = new List<string>(indicators.Notes)
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Getis-Ord Gi* on crimes per 1,000 residents by 2011 LSOA ({places.Length} LSOAs). Neighbours: LSOAs whose boundaries touch, at an edge or a corner (queen contiguity, within {Contiguity.Tolerance}° ≈ 10 m after simplification), and the LSOA itself; binary weights."),
            falseDiscoveryRate
                ? "Significance: two-sided p values adjusted for the number of LSOAs tested (Benjamini–Hochberg false discovery rate); hot and cold spots at 99%, 95% and 90% confidence."
                : "Significance: two-sided p values, not adjusted for the number of LSOAs tested; hot and cold spots at 99%, 95% and 90% confidence (about 1 LSOA in 10 reaches 90% by chance alone).",
            "LSOAs beyond the area's edge are not counted as neighbours, so an LSOA on the edge has fewer, and its statistic rests on less.",
            "A hot spot is a cluster of high rates, not proof of a cause; LSOAs with few residents (town centres) have high rates from few crimes.",
        };
        return new HotspotSet(area, period, category, indicators.PopulationYear.Value, falseDiscoveryRate, places, notes);
    }
}
