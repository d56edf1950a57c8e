using System.Globalization;
using Csa.Analysis.Coverage;
using Csa.Analysis.Rates;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;
using Csa.Storage;

namespace Csa.Analysis.Places;

/// <summary>One ward's or LSOA's count of a category over a period, and its rate per 1,000 residents where an estimate is held.</summary>
public sealed record PlaceIndicator(string Code, string Name, long Crimes, Rate? Rate);

/// <summary>The wards or LSOAs of an area with their counts and rates, the year of the estimates the rates use
/// (null when none is held), and notes on the source, the population year and any month with no data held.</summary>
public sealed record PlaceIndicatorSet(Area Area, Period Period, string Category, PlaceLevel Level, int? PopulationYear, IReadOnlyList<PlaceIndicator> Places, IReadOnlyList<string> Notes);

/// <summary>Counts and rates per 1,000 of a street category by ward or LSOA: the atlas's map indicator.</summary>
/// <remarks>
/// Rates use the held mid-year estimate nearest to the year of the period's middle month (the later on a tie),
/// and say which. An LSOA uses only estimates keyed by 2011 codes, as its boundaries and the lookup are. Counts are
/// over the months held for the area (see <see cref="StreetCoverage"/>); a rate over a partial period says so.
/// </remarks>
public sealed class PlaceIndicators(ICsaStore store)
{
    /// <summary>Builds the indicator for every ward or LSOA of <paramref name="area"/>.</summary>
    /// <exception cref="CsaQueryException">No month of the period is held for the area.</exception>
    public async Task<PlaceIndicatorSet> BuildAsync(Area area, Period period, string category, PlaceLevel level, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(period);
        var coverage = await StreetCoverage.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
        var held = coverage.RequireHeld(period, string.Empty).ToHashSet();

        var places = level == PlaceLevel.Ward
            ? await store.GetWardsAsync(area, cancellationToken).ConfigureAwait(false)
            : await store.GetLsoasAsync(area, cancellationToken).ConfigureAwait(false);
        var grouping = level == PlaceLevel.Ward ? CountGrouping.Ward : CountGrouping.Lsoa;
        var counts = (await store.CountAsync(new CountQuery(area, period, grouping | CountGrouping.CrimeType | CountGrouping.Month), cancellationToken).ConfigureAwait(false))
            .Where(c => held.Contains(c.Month!.Value) && StreetCategory.Includes(category, c))
            .GroupBy(c => level == PlaceLevel.Ward ? c.WardCode! : c.LsoaCode!)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);

        var populations = await store.GetPlacePopulationsAsync(area, level, cancellationToken).ConfigureAwait(false);
        var wanted = PopulationChoice.YearFor(period);
        var year = NearestYear(populations, places.Count, wanted);
        var estimates = populations.Where(p => p.Year == year).ToDictionary(p => p.Code, p => p.Population, StringComparer.Ordinal);

        var notes = new List<string>
        {
            Core.PoliceUk.PoliceUkCrimeTypes.IsAntiSocialBehaviour(category)
                ? "data.police.uk street-level data (Open Government Licence v3.0): anti-social behaviour incidents, counted apart from crime."
                : "data.police.uk street-level data (Open Government Licence v3.0): anti-social behaviour is not counted as crime.",
        };
        notes.AddRange(coverage.NotesFor(period));
        if (held.Count < period.MonthCount)
        {
            notes.Add($"Partial: counts and rates are over the {held.Count} of {period.MonthCount} months held, not annualised.");
        }

        notes.Add(year is null
            ? "No population estimate is held for these areas: counts only."
            : string.Create(CultureInfo.InvariantCulture, $"Rates per 1,000 residents use the ONS mid-{year} estimate{(year == wanted ? "" : $", the nearest held to {wanted}")}; 95% intervals by Byar's method (exact below 10)."));

        var indicators = places.Select(p =>
        {
            var crimes = counts.GetValueOrDefault(p.Code);
            var rate = estimates.TryGetValue(p.Code, out var population) && population > 0 ? Rate.Of(crimes, population) : null;
            return new PlaceIndicator(p.Code, p.Name, crimes, rate);
        }).ToArray();
        return new PlaceIndicatorSet(area, period, category, level, year, indicators, notes);
    }

    /// <summary>The held year nearest to <paramref name="wanted"/> (the later on a tie), among those with an estimate for every
    /// place when there are any such: an LSOA that kept its code in 2021 has a 2021-coded estimate, the others have none.</summary>
    static int? NearestYear(IReadOnlyList<PlacePopulation> populations, int places, int wanted)
    {
        var coverage = populations.GroupBy(p => p.Year).Select(g => (Year: g.Key, Complete: g.Count() >= places)).ToArray();
        var candidates = coverage.Any(c => c.Complete) ? coverage.Where(c => c.Complete) : coverage;
        return PopulationChoice.NearestHeldYear(candidates.Select(c => c.Year), wanted);
    }
}
