using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Comparison;

/// <summary>Counts of a category (and its sub-categories) by financial or calendar year, with the change between
/// the first and last years shown: the data behind the seed's Figure 3 and its "+94.0% from 2013/14 to 2015/16".</summary>
/// <remarks>A year with months not held is shown as partial (its months held beside it), never as a whole year; the
/// change between the first and last years is made by the comparison engine, like for like.</remarks>
public sealed class YearlyBreakdown(ICsaStore store)
{
    /// <summary>Builds the table.</summary>
    /// <exception cref="CsaQueryException">Unknown category, no month of the years held, or a year with no population estimate.</exception>
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
        var span = counter.Coverage.Complete(null, null);
        var years = Years(span, financialYears);
        var whole = years.Where(y => counter.Coverage.HeldMonths(y.Period).Count == 12).ToList();
        var firstYear = from ?? (whole.Count > 0 ? whole[0] : years[0]).StartYear;
        var lastYear = to ?? (whole.Count > 0 ? whole[^1] : years[^1]).StartYear;
        if (lastYear < firstYear)
        {
            throw new CsaQueryException($"The years run backwards: --from {Name(firstYear, financialYears)} comes after --to {Name(lastYear, financialYears)}.");
        }

        var shown = Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(y => (StartYear: y, Name: Name(y, financialYears), Period: YearPeriod(y, financialYears))).ToList();
        var range = Period.Create(shown[0].Period.From, shown[^1].Period.To);
        counter.CheckPeriod(range, "(the years asked for)");
        var byMonth = await counter.CountRowsByMonthAsync(range, cancellationToken).ConfigureAwait(false);
        var held = shown.Select(y => y.Period.Months.Count(byMonth.ContainsKey)).ToArray();
        var totals = shown.Select((y, i) => held[i] == 0 ? null : columns.Select((_, c) => y.Period.Months.Where(byMonth.ContainsKey).Sum(m => byMonth[m][c])).ToArray()).ToList();
        var populations = rates ? await PopulationsAsync(area, shown.Select(y => y.StartYear).ToArray(), populationYear, cancellationToken).ConfigureAwait(false) : null;
        double? RateOf(int i) => totals[i] is { } t ? Math.Round(t[0] / populations![i] * 1000 * 12 / held[i], 1) : null;
        var rows = shown.Select((y, i) => (IReadOnlyList<object?>)
        [
            held[i] == 12 ? y.Name : $"{y.Name} (partial)", .. columns.Select((_, c) => (object?)totals[i]?[c]),
            .. rates ? new object?[] { populations![i], RateOf(i) } : [], (long)held[i],
        ]).ToList();
        var notes = new List<string>();
        if (shown.Count > 1 && totals[0] is not null && totals[^1] is not null)
        {
            var change = await new PeriodComparison(store).CompareAsync(counter, area, shown[0].Period, shown[^1].Period, subTree, exclusions ?? [], cancellationToken).ConfigureAwait(false);
            var like = change.IsPartial ? $" (like for like: the same {change.EarlierMonths.Count} months of each)" : string.Empty;
            var last = shown.Count - 1;
            rows.Add([$"Change {shown[0].Name} to {shown[^1].Name}{like}", .. change.Rows.Select(r => (object?)r.Change), .. rates ? new object?[] { null, RateOf(last) - RateOf(0) is { } d ? Math.Round(d, 1) : null } : [], null]);
            rows.Add([$"Apparent change {shown[0].Name} to {shown[^1].Name}{like}", .. change.Rows.Select(r => (object?)FormattedNumber.PercentChange(r.Earlier, r.Later)), .. rates ? new object?[] { null, RateOf(0) is { } r0 && RateOf(last) is { } r1 ? FormattedNumber.PercentChange(r0, r1) : null } : [], null]);
            if (change.IsPartial)
            {
                notes.Add(change.Notes[0]);
            }
        }

        if (held.Any(h => h < 12))
        {
            notes.Add($"A year marked (partial) has fewer than 12 months held (the Months held column); its count is over those months only and is never a whole year's{(rates ? "; its rate is annualised from them (× 12 ÷ months held)" : string.Empty)}. A year with no month held has no figure.");
        }

        notes.AddRange(counter.Coverage.NotesFor(range));
        var partialLeftOut = years.Where(y => (from is null && y.StartYear < firstYear) || (to is null && y.StartYear > lastYear)).Select(y => y.Name).ToArray();
        if (partialLeftOut.Length > 0)
        {
            notes.Add($"By default the years shown run from the first to the last whole year held; {string.Join(", ", partialLeftOut)} {(partialLeftOut.Length == 1 ? "has" : "have")} months held too, and can be shown, marked partial, with --from and --to.");
        }
        notes.Insert(0, financialYears ? "Financial years run from 1 April to 31 March." : "Calendar years run from January to December.");
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

        return ResultTable.Create(title, [financialYears ? "Financial year" : "Year", .. columns.Select(c => c.Label), .. rates ? RateColumns : [], MonthsHeldColumn], rows, [.. notes.Distinct()]);
    }

    static readonly string[] RateColumns = ["Population", "Rate per 1,000"];

    /// <summary>The heading of the column of months held in each year (12 for a whole year).</summary>
    public const string MonthsHeldColumn = "Months held";

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

    static Period YearPeriod(int year, bool financialYears) =>
        financialYears ? new FinancialYear(year).Period : Period.Create(new Month(year, 1), new Month(year, 12));

    /// <summary>Every year with a month inside <paramref name="span"/>.</summary>
    internal static List<(int StartYear, string Name, Period Period)> Years(Period span, bool financialYears) =>
        [.. Enumerable.Range(span.From.Year - 1, span.To.Year - span.From.Year + 2)
            .Select(y => (y, Name(y, financialYears), YearPeriod(y, financialYears)))
            .Where(y => y.Item3.To >= span.From && y.Item3.From <= span.To)];
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
