using System.Globalization;

namespace Csa.Core;

/// <summary>The apparent (percentage) change between two counts, written as the seed's Cadet table writes it.</summary>
/// <remarks>(later − earlier) / earlier × 100 in exact decimal arithmetic, to one decimal with a midpoint rounded to
/// even (as R's round does: 16 → 25 is +56.2%, METHODS.md 1.2), written <c>+ 11.3%</c>, <c>- 100.0%</c> or
/// <c>0.0%</c>; <c>No Calc</c> when the earlier count is 0.</remarks>
public static class ApparentChange
{
    /// <summary>The text for no earlier count.</summary>
    public const string NoCalc = "No Calc";

    /// <summary>The change to one decimal, or null when the earlier count is 0.</summary>
    public static decimal? Percent(long earlier, long later) =>
        earlier == 0 ? null : Math.Round((later - earlier) * 100m / earlier, 1, MidpointRounding.ToEven);

    /// <summary>The change between two rates (or other non-negative values) as the seed writes it.</summary>
    public static string Format(double earlier, double later) =>
        Format(earlier == 0 ? null : Math.Round(((decimal)later - (decimal)earlier) * 100m / (decimal)earlier, 1, MidpointRounding.ToEven));

    /// <summary>The change as the seed writes it.</summary>
    public static string Format(long earlier, long later) => Format(Percent(earlier, later));

    static string Format(decimal? percent) => percent switch
    {
        null => NoCalc,
        > 0 and var p => string.Create(CultureInfo.InvariantCulture, $"+ {p:0.0}%"),
        < 0 and var p => string.Create(CultureInfo.InvariantCulture, $"- {-p:0.0}%"),
        _ => "0.0%",
    };
}
