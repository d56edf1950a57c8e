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
}
