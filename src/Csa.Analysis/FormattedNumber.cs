using System.Globalization;

namespace Csa.Analysis;

/// <summary>A table cell that is a number in files and a text on screen: an apparent change (11.3 shown as "+ 11.3%"),
/// a p-value (0.0004 shown as "&lt;0.001").</summary>
/// <remarks>csv, json and xlsx hold <see cref="Value"/> (empty or null where there is none, as for "No Calc"); the screen,
/// the HTML document and drafted sentences show <see cref="Text"/>.</remarks>
/// <param name="Value">The number, or null where there is none.</param>
/// <param name="Text">The number as people read it.</param>
public sealed record FormattedNumber(double? Value, string Text)
{
    /// <summary>An apparent change in per cent, written as the seed writes it ("+ 11.3%", "No Calc").</summary>
    public static FormattedNumber PercentChange(long earlier, long later)
    {
        var percent = Core.ApparentChange.Percent(earlier, later);
        return new((double?)percent, Core.ApparentChange.Format(earlier, later));
    }

    /// <summary>The apparent change between two rates, written as the seed writes it.</summary>
    public static FormattedNumber PercentChange(double earlier, double later) =>
        new(earlier == 0 ? null : (double)Math.Round(((decimal)later - (decimal)earlier) * 100m / (decimal)earlier, 1, MidpointRounding.ToEven), Core.ApparentChange.Format(earlier, later));

    /// <summary>A p-value: the number as computed, shown to three decimals ("&lt;0.001" below 0.001).</summary>
    public static FormattedNumber PValue(double p) =>
        new(p, p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public override string ToString() => Text;
}
