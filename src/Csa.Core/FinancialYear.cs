using System.Globalization;

namespace Csa.Core;

/// <summary>A financial year: 1 April to 31 March, written <c>2015/16</c>; quarter 1 is April to June.</summary>
/// <param name="StartYear">The calendar year in which the financial year starts (2015 for 2015/16).</param>
public readonly record struct FinancialYear(int StartYear)
{
    /// <summary>The financial year that holds <paramref name="month"/>: April starts a new one.</summary>
    public static FinancialYear Of(Month month) => new(month.MonthOfYear >= 4 ? month.Year : month.Year - 1);

    /// <summary>April of the start year to March of the next.</summary>
    public Period Period => Period.Create(new Month(StartYear, 4), new Month(StartYear + 1, 3));

    /// <summary>Written <c>2015/16</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:D2}");
}
