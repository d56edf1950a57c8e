using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Csa.Core.Official;

/// <summary>A quarter of a financial year, as the Home Office tables count: Q1 April–June … Q4 January–March.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="Quarter">1 to 4.</param>
public sealed record FinancialQuarter(FinancialYear Year, int Quarter)
{
    /// <summary>The quarter's three months.</summary>
    public Period Period
    {
        get
        {
            var first = new Month(Year.StartYear, 4).AddMonths(3 * (Quarter - 1));
            return Period.Create(first, first.AddMonths(2));
        }
    }

    /// <summary>The quarter a month falls in.</summary>
    public static FinancialQuarter Of(Month month) => new(FinancialYear.Of(month), ((month.MonthOfYear + 8) % 12 / 3) + 1);

    /// <summary>The whole quarters that make up <paramref name="period"/>, in order.</summary>
    /// <exception cref="CsaQueryException">The period does not start and end on quarter boundaries.</exception>
    public static IReadOnlyList<FinancialQuarter> Covering(Period period, string which)
    {
        ArgumentNullException.ThrowIfNull(period);
        if ((period.From.MonthOfYear - 1) % 3 != 0 || period.To.MonthOfYear % 3 != 0)
        {
            throw new CsaQueryException($"{which} {period}: the Home Office tables count by quarter (April–June, July–September, October–December, January–March): give whole quarters, as FY2019/20 or 2019-04..2019-09.");
        }

        return [.. period.Months.Select(Of).Distinct()];
    }

    /// <summary>Parses <c>2019/20Q2</c> (also <c>2019/20 Q2</c>, <c>FY2019/20Q2</c>).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out FinancialQuarter? quarter)
    {
        ArgumentNullException.ThrowIfNull(text);
        quarter = null;
        var trimmed = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (trimmed.StartsWith("FY", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[2..];
        }

        if (trimmed.Length != 9 || char.ToUpperInvariant(trimmed[7]) != 'Q' || trimmed[4] != '/'
            || !int.TryParse(trimmed.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(trimmed.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || end != (start + 1) % 100 || start is < 1900 or > 2998
            || trimmed[8] is < '1' or > '4')
        {
            return false;
        }

        quarter = new FinancialQuarter(new FinancialYear(start), trimmed[8] - '0');
        return true;
    }

    /// <summary>Written <c>2019/20 Q2</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year} Q{Quarter}");
}
