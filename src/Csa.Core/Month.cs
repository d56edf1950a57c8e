using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Csa.Core;

/// <summary>
/// A calendar month (year and month of year): the granularity of data.police.uk and of most crime tables.
/// </summary>
/// <remarks>
/// Written and parsed as <c>YYYY-MM</c> (for example <c>2019-07</c>), the form data.police.uk uses in its
/// file names and its Month column. Years 1900 to 2999 are accepted. Immutable and thread safe.
/// </remarks>
public readonly record struct Month : IComparable<Month>, ISpanParsable<Month>
{
    /// <summary>Creates a month, validating both parts.</summary>
    /// <param name="year">The year, 1900 to 2999.</param>
    /// <param name="monthOfYear">The month of the year, 1 (January) to 12 (December).</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public Month(int year, int monthOfYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2999);
        ArgumentOutOfRangeException.ThrowIfLessThan(monthOfYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(monthOfYear, 12);
        Year = year;
        MonthOfYear = monthOfYear;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month of the year, 1 to 12.</summary>
    public int MonthOfYear { get; }

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, MonthOfYear, 1);

    /// <summary>Months since January of year 0: a dense index, so that month arithmetic is integer arithmetic.</summary>
    internal int Index => (Year * 12) + MonthOfYear - 1;

    /// <summary>The month <paramref name="months"/> after this one (before it when negative).</summary>
    public Month AddMonths(int months) => FromIndex(Index + months);

    /// <summary>The number of months from <paramref name="earlier"/> to this month (0 when equal).</summary>
    public int MonthsSince(Month earlier) => Index - earlier.Index;

    /// <summary>The month that holds <paramref name="date"/>.</summary>
    public static Month FromDate(DateOnly date) => new(date.Year, date.Month);

    /// <inheritdoc/>
    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(Month left, Month right) => left.Index < right.Index;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(Month left, Month right) => left.Index > right.Index;

    /// <summary>Whether <paramref name="left"/> is the same as or before <paramref name="right"/>.</summary>
    public static bool operator <=(Month left, Month right) => left.Index <= right.Index;

    /// <summary>Whether <paramref name="left"/> is the same as or after <paramref name="right"/>.</summary>
    public static bool operator >=(Month left, Month right) => left.Index >= right.Index;

    /// <summary>The month as <c>YYYY-MM</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{MonthOfYear:D2}");

    /// <summary>Parses <c>YYYY-MM</c>.</summary>
    /// <exception cref="FormatException">The text is not a month in that form.</exception>
    public static Month Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc/>
    public static Month Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc/>
    public static Month Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var month)
            ? month
            : throw new FormatException($"'{s}' is not a month written as YYYY-MM.");

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Month result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse <c>YYYY-MM</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Month result) => TryParse(s, null, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Month result)
    {
        result = default;
        if (s.Length != 7 || s[4] != '-'
            || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(s[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year is < 1900 or > 2999 || month is < 1 or > 12)
        {
            return false;
        }

        result = new Month(year, month);
        return true;
    }

    internal static Month FromIndex(int index) => new(index / 12, (index % 12) + 1);
}
