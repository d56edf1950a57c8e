using System.Globalization;
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
        var common = Period.Create(Max(counter.Coverage.From, series[0].Month), Min(counter.Coverage.To, series[^1].Month));
        var years = Enumerable.Range(common.From.Year - 1, common.To.Year - common.From.Year + 2)
            .Select(y => (Year: y, Period: financialYears ? new FinancialYear(y).Period : Period.Create(new Month(y, 1), new Month(y, 12))))
            .Where(y => y.Period.From >= common.From && y.Period.To <= common.To)
            .Where(y => (from is null || y.Year >= from) && (to is null || y.Year <= to))
            .ToArray();
        if (years.Length < 2)
        {
            throw new CsaQueryException($"The police data and '{seriesName}' share fewer than two whole years ({common}): no trend can be compared.");
        }

        var byMonth = await counter.CountRowsByMonthAsync(Period.Create(years[0].Period.From, years[^1].Period.To), cancellationToken).ConfigureAwait(false);
        var police = years.Select(y => y.Period.Months.Sum(m => byMonth[m][0])).ToArray();
        var other = years.Select(y => y.Period.Months.Sum(m => partner[m])).ToArray();
        string Name(int year) => financialYears ? new FinancialYear(year).ToString() : year.ToString(CultureInfo.InvariantCulture);
        double? Index(long value, long @base) => @base == 0 ? null : Math.Round(100.0 * value / @base, 1);
        var rows = years.Select((y, i) => (IReadOnlyList<object?>)[Name(y.Year), police[i], Index(police[i], police[0]), other[i], Index(other[i], other[0])]).ToList();
        var policeTest = PoissonComparison.Test(police[0], police[^1]);
        var otherTest = PoissonComparison.Test(other[0], other[^1]);
        var span = $"{Name(years[0].Year)} to {Name(years[^1].Year)}";
        rows.Add([$"Change {span}", police[^1] - police[0], null, other[^1] - other[0], null]);
        rows.Add([$"Apparent change {span}", ApparentChange.Format(police[0], police[^1]), null, ApparentChange.Format(other[0], other[^1]), null]);
        rows.Add([$"Significance {span}", policeTest.Describe(), null, otherTest.Describe(), null]);
        var notes = new List<string>
        {
            $"Index: each series ÷ its {Name(years[0].Year)} value × 100, so that series of different sizes can be read together.",
            PoissonComparison.PoissonNote,
            counter.SourceNote,
            $"Partner series: {seriesName}, as imported (csa import series).",
        };
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
