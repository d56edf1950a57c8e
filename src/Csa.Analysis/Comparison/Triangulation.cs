using System.Globalization;
using Csa.Analysis.Coverage;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;
using Csa.Storage;

namespace Csa.Analysis.Comparison;

/// <summary>Police recorded crime beside a partner's series (ambulance call-outs, A&amp;E), by year on a common index
/// (the first year = 100), with each series' change and its significance: the seed's "police recorded violence
/// rose while ambulance call-outs fell".</summary>
public sealed class Triangulation(ICsaStore store)
{
    /// <summary>Builds the table over the whole years both series hold (or from <paramref name="from"/> to <paramref name="to"/>).</summary>
    /// <exception cref="CsaQueryException">No such series for the area, no common whole year, or an unknown category.</exception>
    public async Task<ResultTable> BuildAsync(Area area, string seriesName, CategoryTree tree, string category, bool financialYears, int? from, int? to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(tree);
        var series = await store.GetSeriesAsync(seriesName, area, cancellationToken).ConfigureAwait(false);
        if (series.Count == 0)
        {
            throw new CsaQueryException($"No partner series '{seriesName}' is held for {area.Describe()}: import it with csa import series FILE --name \"{seriesName}\" --area {area.Code}.");
        }

        var row = tree.Require(category);
        var counter = await CategoryCounter.CreateAsync(store, tree with { Rows = [row] }, area, [], cancellationToken).ConfigureAwait(false);
        var partner = series.ToDictionary(s => s.Month, s => s.Count);
        var partnerCoverage = new MonthSetCoverage($"the partner series '{seriesName}'", partner.Keys);
        bool BothHeld(Month m) => counter.Coverage.IsHeld(m) && partnerCoverage.IsHeld(m);
        var span = counter.Coverage.Complete(null, null);
        var common = partnerCoverage.Span is { } p && p.From <= span.To && span.From <= p.To ? Period.Create(Max(span.From, p.From), Min(span.To, p.To)) : null;
        var years = common is null ? [] : YearlyBreakdown.Years(common, financialYears)
            .Select(y => (Year: y.StartYear, y.Period))
            .Where(y => y.Period.Months.Any(BothHeld))
            .Where(y => from is not null || to is not null || y.Period.Months.All(BothHeld))
            .Where(y => (from is null || y.Year >= from) && (to is null || y.Year <= to))
            .ToArray();
        if (years.Length < 2)
        {
            throw new CsaQueryException($"Not held: the police data ({counter.Coverage.Span?.ToString() ?? "no month"}) and '{seriesName}' ({partnerCoverage.Span?.ToString() ?? "no month"}) share fewer than two {(from is null && to is null ? "whole " : string.Empty)}years with months held in both: no trend can be compared.");
        }

        var byMonth = await counter.CountRowsByMonthAsync(Period.Create(years[0].Period.From, years[^1].Period.To), cancellationToken).ConfigureAwait(false);
        long Police(IEnumerable<Month> months) => months.Sum(m => byMonth[m][0]);
        long Partner(IEnumerable<Month> months) => months.Sum(m => partner[m]);
        var held = years.Select(y => y.Period.Months.Where(BothHeld).ToArray()).ToArray();
        var police = held.Select(Police).ToArray();
        var other = held.Select(Partner).ToArray();
        string Name(int year) => financialYears ? new FinancialYear(year).ToString() : year.ToString(CultureInfo.InvariantCulture);
        string Label(int i) => held[i].Length == 12 ? Name(years[i].Year) : $"{Name(years[i].Year)} (partial: {held[i].Length} months)";
        double? Index(long value, long @base) => @base == 0 ? null : Math.Round(100.0 * value / @base, 1);
        var rows = years.Select((y, i) => (IReadOnlyList<object?>)[Label(i), police[i], Index(police[i], police[0]), other[i], Index(other[i], other[0])]).ToList();

        // The change first → last year, like for like: the same months of both years, held in both sources.
        var (firstMonths, lastMonths) = PeriodComparison.MonthsCompared(BothHeld, years[0].Period, years[^1].Period);
        var (policeFirst, policeLast, otherFirst, otherLast) = (Police(firstMonths), Police(lastMonths), Partner(firstMonths), Partner(lastMonths));
        var policeTest = PoissonComparison.Test(policeFirst, policeLast, firstMonths.Count, lastMonths.Count);
        var otherTest = PoissonComparison.Test(otherFirst, otherLast, firstMonths.Count, lastMonths.Count);
        var like = firstMonths.Count < 12 || lastMonths.Count < 12 ? $" (like for like: {firstMonths.Count} months of each)" : string.Empty;
        var between = $"{Name(years[0].Year)} to {Name(years[^1].Year)}{like}";
        rows.Add([$"Change {between}", policeLast - policeFirst, null, otherLast - otherFirst, null]);
        rows.Add([$"Apparent change {between}", FormattedNumber.PercentChange(policeFirst, policeLast), null, FormattedNumber.PercentChange(otherFirst, otherLast), null]);
        rows.Add([$"Significance {between}", policeTest.Describe(), null, otherTest.Describe(), null]);
        var notes = new List<string>
        {
            $"Index: each series ÷ its {Name(years[0].Year)} value × 100, so that series of different sizes can be read together.",
            PoissonComparison.PoissonNote,
            counter.SourceNote,
            $"Partner series: {seriesName}, as imported (csa import series).",
        };
        if (held.Any(h => h.Length < 12))
        {
            notes.Insert(0, "A year marked partial counts only the months held in both the police data and the partner series; the change compares the same months of the first and last years.");
        }

        var range = Period.Create(years[0].Period.From, years[^1].Period.To);
        notes.AddRange(counter.Coverage.NotesFor(range));
        notes.AddRange(partnerCoverage.NotesFor(range));
        var policeColumn = $"Police recorded: {row.Label}";
        return ResultTable.Create(
            $"{area.Describe()}: {row.Label} (police recorded) beside {seriesName}, by {(financialYears ? "financial" : "calendar")} year" + (counter.IsSynthetic ? " [SYNTHETIC DATA]" : string.Empty),
            ["Year", policeColumn, "Police index", seriesName, $"{seriesName} index"],
            rows,
            notes);
    }

    static Month Max(Month a, Month b) => a > b ? a : b;

    static Month Min(Month a, Month b) => a < b ? a : b;
}
