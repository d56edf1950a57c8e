using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;
using Csa.Storage;

namespace Csa.Analysis.Comparison;

/// <summary>A category's counts by month with a 12-month rolling total, the seasonal profile, and XmR process
/// limits with the months outside them flagged: the data behind the seed's Figures 1 and 4.</summary>
/// <param name="store">The store.</param>
/// <param name="streetOnly">Count data.police.uk street data even when a local extract is held (a public document).</param>
public sealed class MonthlySeries(ICsaStore store, bool streetOnly = false)
{
    /// <summary>Builds the table.</summary>
    /// <exception cref="CsaQueryException">Unknown category, a period outside the data, or no data for the tree.</exception>
    /// <param name="area">The area.</param>
    /// <param name="tree">The tree whose row is the category.</param>
    /// <param name="category">The row's label.</param>
    /// <param name="from">The first month; the first held when null.</param>
    /// <param name="to">The last month; the last held when null.</param>
    /// <param name="exclusions">Categories removed from the count.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<ResultTable> BuildAsync(Area area, CategoryTree tree, string category, Month? from, Month? to, IReadOnlyList<string> exclusions, CancellationToken cancellationToken = default)
    {
        if (from is { } f && to is { } t && t < f)
        {
            throw new CsaQueryException($"The period {f}..{t} ends before it starts.");
        }

        Period? period = from is { } a && to is { } b ? Period.Create(a, b) : null;
        ArgumentNullException.ThrowIfNull(tree);
        var row = tree.Require(category);
        var counter = streetOnly
            ? await CategoryCounter.CreateStreetAsync(store, tree with { Rows = [row] }, area, exclusions, cancellationToken).ConfigureAwait(false)
            : await CategoryCounter.CreateAsync(store, tree with { Rows = [row] }, area, exclusions, cancellationToken, period is null ? [] : [period]).ConfigureAwait(false);
        var shown = period ?? counter.Coverage.Complete(from, to);
        counter.CheckPeriod(shown, "(--from/--to)");
        var byMonth = await counter.CountRowsByMonthAsync(shown, cancellationToken).ConfigureAwait(false);
        var months = shown.Months.ToArray();
        var gap = months.Select(m => !byMonth.ContainsKey(m)).ToArray();
        var counts = months.Select((m, i) => gap[i] ? (long?)null : byMonth[m][0]).ToArray();
        var held = counts.Where(c => c is not null).Select(c => (double)c!.Value).ToArray();
        if (held.Length < 2)
        {
            throw new CsaQueryException($"{shown} has fewer than 2 months held in {counter.Coverage.Description}: a monthly series needs more.");
        }

        var chart = XmrChart.Of(held);
        var signals = new Queue<string?>(chart.Signals);
        var overall = held.Average();
        var seasonal = Enumerable.Range(1, 12).ToDictionary(m => m, m =>
        {
            var ofMonth = months.Select((month, i) => (month, count: counts[i])).Where(x => x.month.MonthOfYear == m && x.count is not null).Select(x => (double)x.count!.Value).ToArray();
            return ofMonth.Length == 0 || overall == 0 ? (double?)null : Math.Round(ofMonth.Average() / overall, 2);
        });
        var rows = new List<IReadOnlyList<object?>>();
        for (var i = 0; i < months.Length; i++)
        {
            long? rolling = i >= 11 && counts.Skip(i - 11).Take(12).All(c => c is not null) ? counts.Skip(i - 11).Take(12).Sum(c => c!.Value) : null;
            rows.Add(
            [
                months[i].ToString(), counts[i], rolling, seasonal[months[i].MonthOfYear],
                Math.Round(chart.Mean, 1), Math.Round(chart.Lower, 1), Math.Round(chart.Upper, 1),
                gap[i] ? "no data held (gap)" : signals.Dequeue(),
            ]);
        }

        var notes = new List<string>
        {
            "Process limits: an XmR chart (NHS England's Making Data Count): mean ± 2.66 × the mean moving range, from the months shown. Chosen over a c-chart because monthly crime counts vary more than a Poisson process; a c-chart's narrower limits would flag ordinary months.",
            "Signals: a month outside the limits; 7 months in a row on one side of the mean; 7 rising or falling in a row; 2 of 3 beyond two thirds of the way to a limit.",
            "Seasonal index: the average count of that calendar month over the months shown ÷ the average month (1.00 = a typical month).",
            "12-month rolling total: the month and the 11 before it; empty until 12 months are shown, and across a gap.",
            counter.SourceNote,
        };
        notes.AddRange(counter.Coverage.NotesFor(shown));

        if (counter.ExclusionNote is { } excluded)
        {
            notes.Add(excluded);
        }

        return ResultTable.Create(
            $"{area.Describe()}: {row.Label} by month, {shown} (tree: {tree.Name})" + (counter.IsSynthetic ? " [SYNTHETIC DATA]" : string.Empty),
            ["Month", "Count", "12-month rolling total", "Seasonal index", "Mean", "Lower process limit", "Upper process limit", "Signal"],
            rows,
            notes);
    }
}
