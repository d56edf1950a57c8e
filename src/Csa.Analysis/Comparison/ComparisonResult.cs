using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;

namespace Csa.Analysis.Comparison;

/// <summary>One category compared between two periods, over the months compared.</summary>
/// <param name="Label">The tree row's label.</param>
/// <param name="Earlier">Crimes in the earlier period's months compared.</param>
/// <param name="Later">Crimes in the later period's months compared.</param>
/// <param name="Test">The exact conditional test over the same months and exposures.</param>
public sealed record ComparisonRow(string Label, long Earlier, long Later, ChangeTest Test)
{
    /// <summary>Later − earlier.</summary>
    public long Change => Later - Earlier;

    /// <summary>The apparent change in per cent, or null ("No Calc") when the earlier count is 0.</summary>
    public decimal? PercentChange => ApparentChange.Percent(Earlier, Later);

    /// <summary>The apparent change as the seed writes it ("+ 11.3%").</summary>
    public string ApparentChangeText => ApparentChange.Format(Earlier, Later);
}

/// <summary>Two periods compared like for like: the same months (a month missing from either period is dropped from
/// both), one exposure rule, every row's count, change and test made over those months.</summary>
/// <param name="Area">The area.</param>
/// <param name="Earlier">The earlier period as asked.</param>
/// <param name="Later">The later period as asked.</param>
/// <param name="EarlierMonths">The earlier period's months compared.</param>
/// <param name="LaterMonths">The later period's months compared.</param>
/// <param name="LeftOut">The months of either period left out (not held in it, or its partner not held in the other).</param>
/// <param name="EarlierExposure">The earlier exposure: months compared, times the population where both estimates are held.</param>
/// <param name="LaterExposure">The later exposure.</param>
/// <param name="ExposureNote">How the exposure was made.</param>
/// <param name="Rows">One row per tree row, in the tree's order.</param>
/// <param name="Title">The table's title.</param>
/// <param name="Notes">Gaps, exclusions, method and source.</param>
/// <param name="IsSynthetic">Whether the counts come from a synthetic extract.</param>
public sealed record ComparisonResult(
    Area Area,
    Period Earlier,
    Period Later,
    IReadOnlyList<Month> EarlierMonths,
    IReadOnlyList<Month> LaterMonths,
    IReadOnlyList<Month> LeftOut,
    double EarlierExposure,
    double LaterExposure,
    string ExposureNote,
    IReadOnlyList<ComparisonRow> Rows,
    string Title,
    IReadOnlyList<string> Notes,
    bool IsSynthetic)
{
    /// <summary>Which months of which source the counts came from (data.police.uk street data or a local extract); null for
    /// the Home Office's tables.</summary>
    public Csa.Analysis.Coverage.SourceCoverage? Coverage { get; init; }

    /// <summary>The heading of the category column.</summary>
    public const string CategoryColumn = "Category";

    /// <summary>The heading of the numeric change column.</summary>
    public const string NumericChangeColumn = "Numeric change";

    /// <summary>The heading of the apparent change column (per cent; "+ 11.3%" on screen, 11.3 in files).</summary>
    public const string ApparentChangeColumn = "Apparent change";

    /// <summary>The heading of the p-value column.</summary>
    public const string PValueColumn = "p-value";

    /// <summary>The heading of the verdict column.</summary>
    public const string SignificanceColumn = "Significance";

    /// <summary>The significance columns: always in files, on screen with --stats.</summary>
    public static IReadOnlyList<string> StatisticsColumns { get; } = [PValueColumn, "Rate ratio", "Rate ratio lower 95%", "Rate ratio upper 95%", SignificanceColumn];

    /// <summary>Whether months were left out to compare like with like.</summary>
    public bool IsPartial => LeftOut.Count > 0;

    /// <summary>The row of a label.</summary>
    /// <exception cref="KeyNotFoundException">No row has it.</exception>
    public ComparisonRow Row(string label) =>
        Rows.FirstOrDefault(r => string.Equals(r.Label, label, StringComparison.OrdinalIgnoreCase)) ?? throw new KeyNotFoundException(label);

    /// <summary>The result as a table: the same rows on screen and in files, with numbers as numbers.</summary>
    public ResultTable ToTable()
    {
        var rows = Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Label, r.Earlier, r.Later, r.Change, FormattedNumber.PercentChange(r.Earlier, r.Later),
            FormattedNumber.PValue(r.Test.PValue), Finite(r.Test.RateRatio), Finite(r.Test.RateRatioInterval.Lower), Finite(r.Test.RateRatioInterval.Upper), r.Test.Describe(),
        ]).ToList();
        return ResultTable.Create(Title, [CategoryColumn, Earlier.ToString(), Later.ToString(), NumericChangeColumn, ApparentChangeColumn, .. StatisticsColumns], rows, Notes)
            with
        { DetailColumns = StatisticsColumns };
    }

    static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 4) : null;
}
