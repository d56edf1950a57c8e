using System.Globalization;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;
using Csa.Storage;

namespace Csa.Analysis.Comparison;

/// <summary>The one comparison engine: two periods side by side for every row of a category tree (the seed's
/// Appendix A), used alike by <c>csa compare</c>, the assessment and the atlas.</summary>
/// <remarks>
/// Like for like: when the periods have the same length, month k of one is compared with month k of the other, and a
/// month not held in either period is dropped from both; periods of different lengths are each counted over their
/// held months. The counts, the numeric and apparent change and the exact test all use the months compared, and the
/// exposure is those months times the population estimate of each period's year when both are held, else the months
/// alone. The notes say which months were left out and why.
/// </remarks>
public sealed partial class PeriodComparison(ICsaStore store)
{
    /// <summary>The period of equal length just before <paramref name="period"/>: the atlas's default comparison.</summary>
    public static Period EqualPeriodBefore(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Period.Create(period.From.AddMonths(-period.MonthCount), period.From.AddMonths(-1));
    }

    /// <summary>Builds the comparison table.</summary>
    /// <exception cref="CsaQueryException">No month can be compared, the two periods are the same, or no data can count the tree.</exception>
    public async Task<ResultTable> BuildAsync(Area area, Period earlier, Period later, CategoryTree tree, IReadOnlyList<string> exclusions, CancellationToken cancellationToken = default) =>
        (await CompareAsync(area, earlier, later, tree, exclusions, false, cancellationToken).ConfigureAwait(false)).ToTable();

    /// <summary>Compares the periods.</summary>
    /// <param name="area">The area.</param>
    /// <param name="earlier">The earlier period.</param>
    /// <param name="later">The later period.</param>
    /// <param name="tree">The rows to compare.</param>
    /// <param name="exclusions">Categories removed from every row.</param>
    /// <param name="streetOnly">Count data.police.uk street data even when a local extract is held (the atlas's map categories).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="CsaQueryException">No month can be compared, the two periods are the same, or no data can count the tree.</exception>
    public async Task<ComparisonResult> CompareAsync(Area area, Period earlier, Period later, CategoryTree tree, IReadOnlyList<string> exclusions, bool streetOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(tree);
        if (earlier == later)
        {
            throw new CsaQueryException($"The two periods are the same ({earlier}): compare two different periods.");
        }

        var counter = streetOnly
            ? await CategoryCounter.CreateStreetAsync(store, tree, area, exclusions, cancellationToken).ConfigureAwait(false)
            : await CategoryCounter.CreateAsync(store, tree, area, exclusions, cancellationToken, earlier, later).ConfigureAwait(false);
        return await CompareAsync(counter, area, earlier, later, tree, exclusions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Compares the periods with a counter already chosen (so that a table and its change row count alike).</summary>
    internal async Task<ComparisonResult> CompareAsync(CategoryCounter counter, Area area, Period earlier, Period later, CategoryTree tree, IReadOnlyList<string> exclusions, CancellationToken cancellationToken)
    {
        counter.CheckPeriod(earlier, "(the earlier period)");
        counter.CheckPeriod(later, "(the later period)");
        var (earlierMonths, laterMonths) = MonthsCompared(counter.Coverage.IsHeld, earlier, later);
        var leftOut = earlier.Months.Except(earlierMonths).Concat(later.Months.Except(laterMonths)).Distinct().Order().ToArray();

        var before = await SumAsync(counter, earlier, earlierMonths, cancellationToken).ConfigureAwait(false);
        var after = await SumAsync(counter, later, laterMonths, cancellationToken).ConfigureAwait(false);
        var (earlierExposure, laterExposure, exposureNote) = await ExposuresAsync(area, earlier, later, earlierMonths.Count, laterMonths.Count, cancellationToken).ConfigureAwait(false);
        var rows = tree.Rows.Select((row, i) => new ComparisonRow(row.Label, before[i], after[i], PoissonComparison.Test(before[i], after[i], earlierExposure, laterExposure))).ToList();

        var notes = new List<string>();
        if (leftOut.Length > 0)
        {
            notes.Add(
                $"Like for like: compared over the same {(earlierMonths.Count == laterMonths.Count ? $"{earlierMonths.Count} months of each period" : "held months")} " +
                $"({DataCoverage.DescribeMonths(earlierMonths)} against {DataCoverage.DescribeMonths(laterMonths)}); left out: {DataCoverage.DescribeMonths(leftOut)}, " +
                "because a month is not held in one of the periods. The counts, the change and the test all use the months compared.");
        }

        if (counter.ExclusionNote is { } excluded)
        {
            notes.Add(excluded);
        }

        notes.AddRange(counter.Coverage.NotesFor(earlier));
        notes.AddRange(counter.Coverage.NotesFor(later));
        notes.Add("Apparent change is (later − earlier) ÷ earlier; 'No Calc' where the earlier count is 0. A percentage of a small count moves a lot: read it with the numbers.");
        notes.Add(PoissonComparison.PoissonNote + $" Small numbers: a change where either count is under {PoissonComparison.SmallNumberThreshold} says 'compare with caution'. {exposureNote}");
        notes.AddRange(tree.Limits);
        notes.Add(counter.SourceNote);
        var compared = leftOut.Length == 0 ? string.Empty : $", over {DataCoverage.DescribeMonths(earlierMonths)} and {DataCoverage.DescribeMonths(laterMonths)} only";
        var title = $"{area.Describe()}: {earlier} compared with {later}{compared} (tree: {tree.Name}{(exclusions.Count > 0 ? ", with exclusions" : string.Empty)})"
            + (counter.IsSynthetic ? " [SYNTHETIC DATA]" : string.Empty);
        return new ComparisonResult(area, earlier, later, earlierMonths, laterMonths, leftOut, earlierExposure, laterExposure, exposureNote, rows, title, [.. notes.Distinct()], counter.IsSynthetic) { Coverage = counter.Coverage };
    }

    /// <summary>The months compared in each period: month k with month k when the lengths are equal (a month not held in
    /// either is dropped from both), else each period's held months.</summary>
    /// <exception cref="CsaQueryException">No month is held in both periods.</exception>
    internal static (IReadOnlyList<Month> Earlier, IReadOnlyList<Month> Later) MonthsCompared(Func<Month, bool> isHeld, Period earlier, Period later)
    {
        IReadOnlyList<Month> Held(Period period) => [.. period.Months.Where(isHeld)];
        if (earlier.MonthCount != later.MonthCount)
        {
            return (Held(earlier), Held(later));
        }

        var pairs = earlier.Months.Zip(later.Months).Where(p => isHeld(p.First) && isHeld(p.Second)).ToArray();
        if (pairs.Length == 0)
        {
            string Describe(Period period) => Held(period) is { Count: > 0 } months ? DataCoverage.DescribeMonths(months) : "no month";
            throw new CsaQueryException(
                $"Not held like for like: no month of {earlier} is held together with its partner month in {later} " +
                $"({earlier} holds {Describe(earlier)}; {later} holds {Describe(later)}). " +
                "Compare periods whose months are held in both (csa quality shows the gaps).");
        }

        return ([.. pairs.Select(p => p.First)], [.. pairs.Select(p => p.Second)]);
    }

    static async Task<long[]> SumAsync(CategoryCounter counter, Period period, IReadOnlyList<Month> months, CancellationToken cancellationToken)
    {
        var byMonth = await counter.CountRowsByMonthAsync(period, cancellationToken).ConfigureAwait(false);
        var rows = byMonth.Count == 0 ? 0 : byMonth.First().Value.Length;
        return [.. Enumerable.Range(0, rows).Select(i => months.Sum(m => byMonth[m][i]))];
    }

    /// <summary>The one exposure rule: the months compared × the population estimate of each period's year where both
    /// are held, else the months alone.</summary>
    async Task<(double Earlier, double Later, string Note)> ExposuresAsync(Area area, Period earlier, Period later, int earlierMonths, int laterMonths, CancellationToken cancellationToken)
    {
        var held = await store.GetPopulationAsync(area, cancellationToken).ConfigureAwait(false);
        var (earlierYear, laterYear) = (Rates.PopulationChoice.YearFor(earlier), Rates.PopulationChoice.YearFor(later));
        var c = CultureInfo.InvariantCulture;
        return held.TryGetValue(earlierYear, out var p1) && held.TryGetValue(laterYear, out var p2)
            ? (earlierMonths * p1, laterMonths * p2, string.Create(c, $"Exposure: the months compared ({earlierMonths} and {laterMonths}) × population (mid-{earlierYear} and mid-{laterYear} estimates)."))
            : (earlierMonths, laterMonths, string.Create(c, $"Exposure: the months compared ({earlierMonths} and {laterMonths}); no population estimate is held for both {earlierYear} and {laterYear}."));
    }
}
