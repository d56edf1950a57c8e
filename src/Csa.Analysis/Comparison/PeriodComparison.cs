using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;
using Csa.Storage;

namespace Csa.Analysis.Comparison;

/// <summary>Two periods side by side for every row of a category tree: the seed's Appendix A.</summary>
public sealed class PeriodComparison(ICsaStore store)
{
    /// <summary>The heading of the category column.</summary>
    public const string CategoryColumn = "Category";

    /// <summary>The heading of the numeric change column.</summary>
    public const string NumericChangeColumn = "Numeric change";

    /// <summary>The heading of the apparent change column.</summary>
    public const string ApparentChangeColumn = "Apparent change";

    /// <summary>Builds the comparison table.</summary>
    /// <exception cref="CsaQueryException">A period is outside the data, the two periods are the same, or no data can count the tree.</exception>
    public async Task<ResultTable> BuildAsync(Area area, Period earlier, Period later, CategoryTree tree, IReadOnlyList<string> exclusions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(tree);
        if (earlier == later)
        {
            throw new CsaQueryException($"The two periods are the same ({earlier}): compare two different periods.");
        }

        var counter = await CategoryCounter.CreateAsync(store, tree, area, exclusions, cancellationToken, earlier, later).ConfigureAwait(false);
        counter.CheckPeriod(earlier, "earlier (--period)");
        counter.CheckPeriod(later, "later (--vs)");
        var before = await counter.CountRowsAsync(earlier, cancellationToken).ConfigureAwait(false);
        var after = await counter.CountRowsAsync(later, cancellationToken).ConfigureAwait(false);
        var (earlierExposure, laterExposure, exposureNote) = await ExposuresAsync(area, earlier, later, counter.StreetCoverage, cancellationToken).ConfigureAwait(false);
        var rows = tree.Rows.Select((row, i) =>
        {
            var test = PoissonComparison.Test(before[i], after[i], earlierExposure, laterExposure);
            return (IReadOnlyList<object?>)
            [
                row.Label, before[i], after[i], after[i] - before[i], ApparentChange.Format(before[i], after[i]),
                Math.Round(test.PValue, 4), Finite(test.RateRatio), Finite(test.RateRatioInterval.Lower), Finite(test.RateRatioInterval.Upper), test.Describe(),
            ];
        }).ToList();

        var notes = new List<string>();
        if (counter.ExclusionNote is { } excluded)
        {
            notes.Add(excluded);
        }

        if (counter.StreetCoverage is { } street)
        {
            notes.AddRange(street.NotesFor(earlier));
            notes.AddRange(street.NotesFor(later).Except(notes));
        }

        notes.Add("Apparent change is (later − earlier) ÷ earlier; 'No Calc' where the earlier count is 0. A percentage of a small count moves a lot: read it with the numbers.");
        notes.Add(PoissonComparison.PoissonNote + $" Small numbers: a change where either count is under {PoissonComparison.SmallNumberThreshold} says 'compare with caution'. {exposureNote}");
        notes.AddRange(tree.Limits);
        notes.Add(counter.SourceNote);
        var title = $"{area.Describe()}: {earlier} compared with {later} (tree: {tree.Name}{(exclusions.Count > 0 ? ", with exclusions" : string.Empty)})"
            + (counter.IsSynthetic ? " [SYNTHETIC DATA]" : string.Empty);
        return ResultTable.Create(title, [CategoryColumn, earlier.ToString(), later.ToString(), NumericChangeColumn, ApparentChangeColumn, .. StatisticsColumns], rows, notes)
            with
        { DetailColumns = StatisticsColumns };
    }

    /// <summary>The significance columns: always in files, on screen with --stats.</summary>
    public static IReadOnlyList<string> StatisticsColumns { get; } = ["p-value", "Rate ratio", "Rate ratio lower 95%", "Rate ratio upper 95%", "Significance"];

    static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 4) : null;

    /// <summary>Each period's exposure: the months with data held, times the population when estimates for both periods are held.</summary>
    async Task<(double Earlier, double Later, string Note)> ExposuresAsync(Area area, Period earlier, Period later, DataCoverage? street, CancellationToken cancellationToken)
    {
        var held = await store.GetPopulationAsync(area, cancellationToken).ConfigureAwait(false);
        var (earlierYear, laterYear) = (Rates.PopulationChoice.YearFor(earlier), Rates.PopulationChoice.YearFor(later));
        double Months(Period period) => period.MonthCount - (street?.MissingIn(period).Count ?? 0);
        var gapNote = street is not null && (street.MissingIn(earlier).Count > 0 || street.MissingIn(later).Count > 0)
            ? " Months with no data held are left out of the exposure."
            : string.Empty;
        return held.TryGetValue(earlierYear, out var p1) && held.TryGetValue(laterYear, out var p2)
            ? (Months(earlier) * p1, Months(later) * p2, $"Exposure: months × population (mid-{earlierYear} and mid-{laterYear} estimates).{gapNote}")
            : (Months(earlier), Months(later), $"Exposure: the periods' lengths in months (no population estimate held for both periods' years).{gapNote}");
    }
}
