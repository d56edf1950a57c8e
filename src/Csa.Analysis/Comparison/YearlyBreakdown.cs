using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Comparison;

/// <summary>Counts of a category (and its sub-categories) by financial or calendar year, with the change between
/// the first and last years shown: the data behind the seed's Figure 3 and its "+94.0% from 2013/14 to 2015/16".</summary>
public sealed class YearlyBreakdown(ICsaStore store)
{
    /// <summary>Builds the table.</summary>
    /// <exception cref="CsaQueryException">Unknown category, no whole year held, years outside the data, or a year with no population estimate.</exception>
    public async Task<ResultTable> BuildAsync(YearsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (area, tree, category, bySubcategory, financialYears, from, to, exclusions, rates, populationYear) = query;
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(tree);
        var index = tree.IndexOf(category);

        var columns = new List<TreeRow> { tree.Rows[index] };
        if (bySubcategory)
        {
            columns.AddRange(tree.Rows.Skip(index + 1).TakeWhile(r => r.Level > tree.Rows[index].Level).Where(r => r.Level == tree.Rows[index].Level + 1));
        }

        var subTree = tree with { Rows = columns };
        var counter = await CategoryCounter.CreateAsync(store, subTree, area, exclusions ?? [], cancellationToken).ConfigureAwait(false);
        var years = WholeYears(counter.Coverage, financialYears);
        if (years.Count == 0)
        {
            throw new CsaQueryException($"No whole {(financialYears ? "financial" : "calendar")} year is held: the data runs from {counter.Coverage.From} to {counter.Coverage.To}.");
        }

        var firstYear = from ?? years[0].StartYear;
        var lastYear = to ?? years[^1].StartYear;
        if (lastYear < firstYear)
        {
            throw new CsaQueryException($"The years run backwards: --from {Name(firstYear, financialYears)} comes after --to {Name(lastYear, financialYears)}.");
        }

        var shown = years.Where(y => y.StartYear >= firstYear && y.StartYear <= lastYear).ToList();
        if (shown.Count == 0 || shown[0].StartYear != firstYear || shown[^1].StartYear != lastYear)
        {
            throw new CsaQueryException(
                $"The years {Name(firstYear, financialYears)} to {Name(lastYear, financialYears)} are not all whole years of the data held ({counter.Coverage.From} to {counter.Coverage.To}): " +
                $"whole years held are {Name(years[0].StartYear, financialYears)} to {Name(years[^1].StartYear, financialYears)}.");
        }

        var byMonth = await counter.CountRowsByMonthAsync(Period.Create(shown[0].Period.From, shown[^1].Period.To), cancellationToken).ConfigureAwait(false);
        var totals = shown.Select(y => columns.Select((_, c) => y.Period.Months.Sum(m => byMonth[m][c])).ToArray()).ToList();
        var populations = rates ? await PopulationsAsync(area, shown.Select(y => y.StartYear).ToArray(), populationYear, cancellationToken).ConfigureAwait(false) : null;
        double RateOf(int i) => Math.Round(totals[i][0] / populations![i] * 1000, 1);
        var rows = shown.Select((y, i) => (IReadOnlyList<object?>)
            [y.Name, .. totals[i].Cast<object?>(), .. rates ? new object?[] { populations![i], RateOf(i) } : []]).ToList();
        if (shown.Count > 1)
        {
            var (a, b) = (totals[0], totals[^1]);
            var last = shown.Count - 1;
            rows.Add([$"Change {shown[0].Name} to {shown[^1].Name}", .. a.Select((v, c) => (object?)(b[c] - v)), .. rates ? new object?[] { null, Math.Round(RateOf(last) - RateOf(0), 1) } : []]);
            rows.Add([$"Apparent change {shown[0].Name} to {shown[^1].Name}", .. a.Select((v, c) => (object?)ApparentChange.Format(v, b[c])), .. rates ? new object?[] { null, ApparentChange.Format(RateOf(0), RateOf(last)) } : []]);
        }

        var notes = new List<string>
        {
            financialYears ? "Financial years run from 1 April to 31 March." : "Calendar years run from January to December.",
            "Only whole years of the data held are shown.",
        };
        if (counter.ExclusionNote is { } excluded)
        {
            notes.Add(excluded);
        }

        notes.Add(counter.SourceNote);

        notes.AddRange(tree.Limits);
        var title = $"{area.Describe()}: {tree.Rows[index].Label} by {(financialYears ? "financial" : "calendar")} year (tree: {tree.Name})"
            + (counter.IsSynthetic ? " [SYNTHETIC DATA]" : string.Empty);
        if (rates)
        {
            notes.Add(populationYear is null
                ? "Population: each year's ONS mid-year estimate (for a financial year, the mid-year estimate of the year it starts in); rate = the category's crimes ÷ population × 1,000."
                : $"Population: the ONS mid-{populationYear} estimate for every year, as asked (--population-year); rate = the category's crimes ÷ population × 1,000.");
        }

        return ResultTable.Create(title, [financialYears ? "Financial year" : "Year", .. columns.Select(c => c.Label), .. rates ? RateColumns : []], rows, notes);
    }

    static readonly string[] RateColumns = ["Population", "Rate per 1,000"];

    async Task<double[]> PopulationsAsync(Area area, int[] years, int? populationYear, CancellationToken cancellationToken)
    {
        var held = await store.GetPopulationAsync(area, cancellationToken).ConfigureAwait(false);
        var wanted = years.Select(y => populationYear ?? y).ToArray();
        var missing = wanted.Distinct().Where(y => !held.ContainsKey(y)).ToArray();
        if (missing.Length > 0)
        {
            throw new CsaQueryException(
                $"No population estimate is held for {area.Describe()} for {string.Join(", ", missing)} (years held: {(held.Count == 0 ? "none" : string.Join(", ", held.Keys))}). " +
                "Import them (csa import population FILE --year YYYY), or name one year's estimate to use for all with --population-year.");
        }

        return [.. wanted.Select(y => held[y])];
    }

    static string Name(int startYear, bool financialYears) =>
        financialYears ? new FinancialYear(startYear).ToString() : startYear.ToString(System.Globalization.CultureInfo.InvariantCulture);

    static List<(int StartYear, string Name, Period Period)> WholeYears(Period coverage, bool financialYears)
    {
        var years = new List<(int, string, Period)>();
        for (var year = coverage.From.Year - 1; year <= coverage.To.Year; year++)
        {
            var period = financialYears ? new FinancialYear(year).Period : Period.Create(new Month(year, 1), new Month(year, 12));
            if (period.From >= coverage.From && period.To <= coverage.To)
            {
                years.Add((year, Name(year, financialYears), period));
            }
        }

        return years;
    }
}

/// <summary>What <see cref="YearlyBreakdown"/> shows.</summary>
/// <param name="Area">The area.</param>
/// <param name="Tree">The tree whose row is the category.</param>
/// <param name="Category">The row's label; its sub-categories are the rows one level beneath it.</param>
/// <param name="BySubcategory">Whether to add a column per sub-category.</param>
/// <param name="FinancialYears">Financial years (April–March) when true, calendar years when false.</param>
/// <param name="From">The first year (its start year), or null for the first whole year held.</param>
/// <param name="To">The last year (its start year), or null for the last whole year held.</param>
/// <param name="Exclusions">Categories removed from every column.</param>
/// <param name="Rates">Whether to add each year's population and the category's rate per 1,000 (the long-run rate).</param>
/// <param name="PopulationYear">For rates: one estimate to use for every year instead of each year's own.</param>
public sealed record YearsQuery(
    Area Area,
    CategoryTree Tree,
    string Category,
    bool BySubcategory = false,
    bool FinancialYears = true,
    int? From = null,
    int? To = null,
    IReadOnlyList<string>? Exclusions = null,
    bool Rates = false,
    int? PopulationYear = null);
