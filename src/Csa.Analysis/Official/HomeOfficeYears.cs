using System.Globalization;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;
using Csa.Storage;

namespace Csa.Analysis.Official;

/// <summary>The long run from the Home Office tables: a category of a force area or partnership by financial year (2012/13
/// onwards), with the population, the rate per 1,000 and its 95% interval, and the change from the first year shown to the last
/// with its significance.</summary>
/// <remarks>Like for like: a year with fewer than four quarters held is marked partial and its rate annualised from the quarters
/// held; the change compares the quarters held in both years only (quarter k with quarter k), and says so. The population is
/// each year's own mid-year estimate (the year the financial year starts in), else the nearest held, stated. A year in which
/// the category has no row (a subgroup created later) has no figure, never a zero.</remarks>
public sealed class HomeOfficeYears(ICsaStore store)
{
    /// <summary>Builds the table.</summary>
    /// <exception cref="CsaQueryException">The area is not in the tables, nothing is held for it, or the category is unknown.</exception>
    public async Task<ResultTable> BuildAsync(Area area, string category, FinancialYear? from, FinancialYear? to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(category);
        var (level, rows) = await RecordedCrimeSource.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
        HomeOfficeTree.Require(category, rows);
        var population = await store.GetPopulationAsync(area, cancellationToken).ConfigureAwait(false);
        var first = (from ?? rows.MinBy(r => r.Year.StartYear)!.Year).StartYear;
        var last = (to ?? rows.MaxBy(r => r.Year.StartYear)!.Year).StartYear;
        var quarters = rows.GroupBy(r => r.Year.StartYear).ToDictionary(g => g.Key, g => g.Select(r => r.Quarter).ToHashSet());
        var counts = rows.Where(r => HomeOfficeTree.Counts(category, r)).GroupBy(r => (r.Year.StartYear, r.Quarter)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var years = Enumerable.Range(first, last - first + 1).Where(quarters.ContainsKey).ToArray();
        if (years.Length == 0)
        {
            throw new CsaQueryException($"Not held: no Home Office recorded crime for {area.Name} from {new FinancialYear(first)} to {new FinancialYear(last)}.");
        }

        var c = CultureInfo.InvariantCulture;
        var table = new List<IReadOnlyList<object?>>();
        foreach (var year in years)
        {
            var held = quarters[year];
            var hasCategory = held.Any(q => counts.ContainsKey((year, q)));
            var count = held.Sum(q => counts.GetValueOrDefault((year, q)));
            var (people, populationYear) = Population(population, year);
            var rate = hasCategory && people is { } p ? Rate.Of(count, p * held.Count / 4.0) : null;
            table.Add(
            [
                held.Count == 4 ? new FinancialYear(year).ToString() : $"{new FinancialYear(year)} (partial: {Quarters(held)} only)",
                hasCategory ? count : null,
                (long)held.Count,
                people is { } pp ? (long)Math.Round(pp) : null,
                populationYear is { } py ? new FormattedNumber(py, py.ToString(c)) : null,
                rate is null ? null : Math.Round(rate.Value, 2),
                rate is null ? null : Math.Round(rate.Interval.Lower, 2),
                rate is null ? null : Math.Round(rate.Interval.Upper, 2),
            ]);
        }

        var notes = new List<string>
        {
            $"Source: Home Office police recorded crime, {level.ToString().ToLowerInvariant()}-level open data tables (csa import prc); Open Government Licence v3.0.",
            "Rate per 1,000 residents a year, with its 95% interval (Byar's from 10, exact Poisson below); a partial year's rate is annualised from its quarters held.",
            "Population: the ONS mid-year estimate of the year the financial year starts in, else the nearest year held (the column says which).",
        };
        var withCategory = years.Where(y => quarters[y].Any(q => counts.ContainsKey((y, q)))).ToArray();
        if (withCategory.Length < years.Length)
        {
            notes.Add($"'{category}' has no row in {string.Join(", ", years.Except(withCategory).Select(y => new FinancialYear(y).ToString()))}: no figure is shown there (the category did not exist then, or its offences were counted elsewhere).");
        }

        if (withCategory.Length >= 2)
        {
            var (a, b) = (withCategory[0], withCategory[^1]);
            var common = quarters[a].Intersect(quarters[b]).Order().ToArray();
            var earlier = common.Sum(q => counts.GetValueOrDefault((a, q)));
            var later = common.Sum(q => counts.GetValueOrDefault((b, q)));
            var like = common.Length == 4 ? string.Empty : $" (like for like: {Quarters(common)} of both)";
            var (pa, _) = Population(population, a);
            var (pb, _) = Population(population, b);
            var test = pa is { } e && pb is { } l ? PoissonComparison.Test(earlier, later, e, l) : PoissonComparison.Test(earlier, later);
            table.Add([$"Change {new FinancialYear(a)} to {new FinancialYear(b)}{like}", later - earlier, null, null, null, null, null, null]);
            table.Add([$"Apparent change {new FinancialYear(a)} to {new FinancialYear(b)}{like}", FormattedNumber.PercentChange(earlier, later), null, null, null, null, null, null]);
            notes.Add(string.Create(c, $"{new FinancialYear(a)} to {new FinancialYear(b)}{like}: {earlier:N0} → {later:N0}; rate ratio {test.RateRatio:0.000} (95% interval {test.RateRatioInterval.Lower:0.000} to {test.RateRatioInterval.Upper:0.000}){(pa is null || pb is null ? ", on counts alone (no population held)" : ", on each year's population")}; p {(test.PValue < 0.001 ? "< 0.001" : test.PValue.ToString("0.000", c))}: {test.Describe()}."));
        }

        return ResultTable.Create(
            $"{area.Name} ({area.Code}): {category} by financial year, {new FinancialYear(first)} to {new FinancialYear(last)} (Home Office recorded crime)",
            ["Financial year", "Offences", "Quarters held", "Population", "Population year", "Rate per 1,000", "Lower 95%", "Upper 95%"],
            table,
            notes);
    }

    static string Quarters(IEnumerable<int> quarters) => string.Join(", ", quarters.Order().Select(q => $"Q{q}"));

    /// <summary>The estimate of the year, else of the nearest year held (<see cref="Rates.PopulationChoice.NearestHeldYear"/>, the one rule).</summary>
    static (double? People, int? Year) Population(IReadOnlyDictionary<int, double> population, int year) =>
        Rates.PopulationChoice.NearestHeldYear(population.Keys, year) is { } nearest ? (population[nearest], nearest) : (null, null);
}
