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
    /// <param name="area">The area.</param>
    /// <param name="tree">The tree whose row is the category.</param>
    /// <param name="category">The row's label; its sub-categories are the rows beneath it (deeper level) in the tree.</param>
    /// <param name="bySubcategory">Whether to add a column per sub-category.</param>
    /// <param name="financialYears">Financial years (April–March) when true, calendar years when false.</param>
    /// <param name="from">The first year (its start year), or null for the first whole year held.</param>
    /// <param name="to">The last year (its start year), or null for the last whole year held.</param>
    /// <param name="exclusions">Categories removed from every column.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="CsaQueryException">Unknown category, no whole year held, or years outside the data.</exception>
    public async Task<ResultTable> BuildAsync(Area area, CategoryTree tree, string category, bool bySubcategory, bool financialYears, int? from, int? to, IReadOnlyList<string> exclusions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(tree);
        var index = tree.Rows.ToList().FindIndex(r => string.Equals(r.Label, category, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new CsaQueryException($"'{category}' is not a row of the {tree.Name} tree: its rows are {string.Join(", ", tree.Rows.Select(r => r.Label).Distinct())}.");
        }

        var columns = new List<TreeRow> { tree.Rows[index] };
        if (bySubcategory)
        {
            columns.AddRange(tree.Rows.Skip(index + 1).TakeWhile(r => r.Level > tree.Rows[index].Level).Where(r => r.Level == tree.Rows[index].Level + 1));
        }

        var subTree = tree with { Rows = columns };
        var counter = await CategoryCounter.CreateAsync(store, subTree, area, exclusions, cancellationToken).ConfigureAwait(false);
        var years = WholeYears(counter.Coverage, financialYears);
        if (years.Count == 0)
        {
            throw new CsaQueryException($"No whole {(financialYears ? "financial" : "calendar")} year is held: the data runs from {counter.Coverage.From} to {counter.Coverage.To}.");
        }

        var first = from ?? years[0].StartYear;
        var last = to ?? years[^1].StartYear;
        if (last < first)
        {
            throw new CsaQueryException($"The years run backwards: --from {Name(first, financialYears)} comes after --to {Name(last, financialYears)}.");
        }

        var shown = years.Where(y => y.StartYear >= first && y.StartYear <= last).ToList();
        if (shown.Count == 0 || shown[0].StartYear != first || shown[^1].StartYear != last)
        {
            throw new CsaQueryException(
                $"The years {Name(first, financialYears)} to {Name(last, financialYears)} are not all whole years of the data held ({counter.Coverage.From} to {counter.Coverage.To}): " +
                $"whole years held are {Name(years[0].StartYear, financialYears)} to {Name(years[^1].StartYear, financialYears)}.");
        }

        var byMonth = await counter.CountRowsByMonthAsync(Period.Create(shown[0].Period.From, shown[^1].Period.To), cancellationToken).ConfigureAwait(false);
        var totals = shown.Select(y => columns.Select((_, c) => y.Period.Months.Sum(m => byMonth[m][c])).ToArray()).ToList();
        var rows = shown.Select((y, i) => (IReadOnlyList<object?>)[y.Name, .. totals[i].Cast<object?>()]).ToList();
        if (shown.Count > 1)
        {
            var (a, b) = (totals[0], totals[^1]);
            rows.Add([$"Change {shown[0].Name} to {shown[^1].Name}", .. a.Select((v, c) => (object?)(b[c] - v))]);
            rows.Add([$"Apparent change {shown[0].Name} to {shown[^1].Name}", .. a.Select((v, c) => (object?)ApparentChange.Format(v, b[c]))]);
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
        return ResultTable.Create(title, [financialYears ? "Financial year" : "Year", .. columns.Select(c => c.Label)], rows, notes);
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
