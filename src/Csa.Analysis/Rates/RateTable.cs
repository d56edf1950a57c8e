using Csa.Analysis.Comparison;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Rates;

/// <summary>Rates per 1,000 population, with 95% confidence intervals, for every row of a tree in an area and period.</summary>
public sealed class RateTable(ICsaStore store)
{
    /// <summary>Builds the table.</summary>
    /// <exception cref="CsaQueryException">No population for the year, the period outside the data, or no data for the tree.</exception>
    /// <param name="area">The area.</param>
    /// <param name="period">The period.</param>
    /// <param name="tree">The tree whose rows are rated.</param>
    /// <param name="populationYear">The estimate to use, when not the period's own year.</param>
    /// <param name="confidence">The intervals' confidence: 0.95 (the default) or 0.998, as Fingertips shows them.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<ResultTable> BuildAsync(Area area, Period period, CategoryTree tree, int? populationYear, double confidence = 0.95, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var counter = await CategoryCounter.CreateAsync(store, tree, area, [], cancellationToken, period).ConfigureAwait(false);
        var held = counter.CheckPeriod(period, "(--period)");
        var population = await PopulationChoice.ForPeriodAsync(store, area, period, populationYear, cancellationToken).ConfigureAwait(false);
        var counts = await counter.CountRowsAsync(period, cancellationToken).ConfigureAwait(false);
        var annualise = 12.0 / held.Count;
        var level = (confidence * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var rows = tree.Rows.Select((row, i) =>
        {
            var rate = Statistics.Rate.Of(counts[i], population.Population, 1000, confidence);
            return (IReadOnlyList<object?>)[row.Label, counts[i], Math.Round(rate.Value, 2), Math.Round(rate.Interval.Lower, 2), Math.Round(rate.Interval.Upper, 2), rate.Interval.Method, Math.Round(rate.Value * annualise, 2)];
        }).ToList();
        var notes = new List<string>
        {
            population.Note,
            held.Count == period.MonthCount
                ? $"Rate = crimes ÷ population × 1,000 over the period; the {level}% interval is PHEindicatormethods' (Byar's method from 10 crimes, exact Poisson below). Annualised = rate × 12 ÷ months ({held.Count})."
                : $"Partial: {held.Count} of the period's {period.MonthCount} months are held. Crimes and rates are over the {held.Count} months held ({Analysis.DataCoverage.DescribeMonths(held)}); the annualised rate = rate × 12 ÷ {held.Count}. The {level}% interval is PHEindicatormethods' (Byar's method from 10 crimes, exact Poisson below).",
            counter.SourceNote,
        };
        notes.InsertRange(1, counter.Coverage.NotesFor(period));
        return ResultTable.Create(
            $"{area.Describe()}: rates per 1,000 population, {period}{(held.Count == period.MonthCount ? string.Empty : $" (partial: {held.Count} of {period.MonthCount} months held)")} (tree: {tree.Name})" + (counter.IsSynthetic ? " [SYNTHETIC DATA]" : string.Empty),
            ["Category", "Crimes", "Rate per 1,000", $"Lower {level}%", $"Upper {level}%", "Interval method", "Annualised rate per 1,000"],
            rows,
            notes);
    }

    /// <summary>Rates per 1,000 for every row of the Home Office's own tree (the total excluding fraud, groups, subgroups) of a
    /// force area or partnership over whole quarters, from the Home Office tables; a quarter not held is left out, and said.</summary>
    /// <exception cref="CsaQueryException">The period is not whole quarters, the area is not in the tables, no quarter is held, or no population.</exception>
    public async Task<ResultTable> BuildHomeOfficeAsync(Area area, Period period, int? populationYear, double confidence = 0.95, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        var quarters = Core.Official.FinancialQuarter.Covering(period, "--period");
        var (level, all) = await Official.RecordedCrimeSource.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
        var present = all.Select(r => r.FinancialQuarter).ToHashSet();
        var held = quarters.Where(present.Contains).ToHashSet();
        if (held.Count == 0)
        {
            throw new CsaQueryException($"Not held: the Home Office tables hold no quarter of {period} for {area.Describe()}.");
        }

        var rows = all.Where(r => held.Contains(r.FinancialQuarter)).ToArray();
        var tree = Official.HomeOfficeTree.From(rows);
        var population = await PopulationChoice.ForPeriodAsync(store, area, period, populationYear, cancellationToken).ConfigureAwait(false);
        var annualise = 4.0 / held.Count;
        var percent = (confidence * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var table = tree.Rows.Select(row =>
        {
            var count = rows.Where(r => Official.HomeOfficeTree.Counts(row.Label, r)).Sum(r => r.Count);
            if (count < 0)
            {
                // Adjustments outweigh the offences: there is no rate to give.
                return (IReadOnlyList<object?>)[new string(' ', 2 * row.Level) + row.Label, count, null, null, null, null, null];
            }

            var rate = Statistics.Rate.Of(count, population.Population, 1000, confidence);
            return (IReadOnlyList<object?>)[new string(' ', 2 * row.Level) + row.Label, count, Math.Round(rate.Value, 2), Math.Round(rate.Interval.Lower, 2), Math.Round(rate.Interval.Upper, 2), rate.Interval.Method, Math.Round(rate.Value * annualise, 2)];
        }).ToList();
        var missing = quarters.Where(q => !held.Contains(q)).ToArray();
        var notes = new List<string>
        {
            population.Note,
            missing.Length == 0
                ? $"Rate = offences ÷ population × 1,000 over the period; the {percent}% interval is PHEindicatormethods' (Byar's method from 10, exact Poisson below). Annualised = rate × 4 ÷ quarters ({held.Count})."
                : $"Partial: {held.Count} of the period's {quarters.Count} quarters are held ({string.Join(", ", missing.Select(q => q.ToString()))} not held). Offences and rates are over the quarters held; the annualised rate = rate × 4 ÷ {held.Count}.",
            "The categories are the Home Office's own offence groups and subgroups, as each row gives them; the total leaves fraud out.",
            $"Source: Home Office police recorded crime, {level.ToString().ToLowerInvariant()}-level open data tables (csa import prc); Open Government Licence v3.0.",
        };
        return ResultTable.Create(
            $"{area.Describe()}: rates per 1,000 population, {period}{(missing.Length == 0 ? string.Empty : $" (partial: {held.Count} of {quarters.Count} quarters held)")} (Home Office recorded crime)",
            ["Category", "Crimes", "Rate per 1,000", $"Lower {percent}%", $"Upper {percent}%", "Interval method", "Annualised rate per 1,000"],
            table,
            notes);
    }
}
