using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
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

        var counter = await CategoryCounter.CreateAsync(store, tree, area, exclusions, cancellationToken).ConfigureAwait(false);
        counter.CheckPeriod(earlier, "earlier (--period)");
        counter.CheckPeriod(later, "later (--vs)");
        var before = await counter.CountRowsAsync(earlier, cancellationToken).ConfigureAwait(false);
        var after = await counter.CountRowsAsync(later, cancellationToken).ConfigureAwait(false);
        var rows = tree.Rows.Select((row, i) => (IReadOnlyList<object?>)
            [row.Label, before[i], after[i], after[i] - before[i], ApparentChange.Format(before[i], after[i])]).ToList();

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
        notes.AddRange(tree.Limits);
        notes.Add(counter.SourceNote);
        var title = $"{area.Describe()}: {earlier} compared with {later} (tree: {tree.Name}{(exclusions.Count > 0 ? ", with exclusions" : string.Empty)})"
            + (counter.IsSynthetic ? " [SYNTHETIC DATA]" : string.Empty);
        return ResultTable.Create(title, [CategoryColumn, earlier.ToString(), later.ToString(), NumericChangeColumn, ApparentChangeColumn], rows, notes);
    }
}
