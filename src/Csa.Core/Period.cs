using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Csa.Core;

/// <summary>An inclusive run of whole months, such as 2015-01..2015-12.</summary>
/// <remarks>
/// Written <c>FROM..TO</c>; a single month may be written alone. <see cref="From"/> never comes after
/// <see cref="To"/>: a reversed period cannot be made, so no table of zeros can come from one.
/// </remarks>
public sealed record Period
{
    Period(Month from, Month to)
    {
        From = from;
        To = to;
    }

    /// <summary>The first month, included.</summary>
    public Month From { get; }

    /// <summary>The last month, included.</summary>
    public Month To { get; }

    /// <summary>The number of months in the period (at least 1).</summary>
    public int MonthCount => To.MonthsSince(From) + 1;

    /// <summary>Every month of the period, in order.</summary>
    public IEnumerable<Month> Months
    {
        get
        {
            // By count, not by the next month: the month after 2999-12 cannot be made.
            for (var i = 0; i < MonthCount; i++)
            {
                yield return From.AddMonths(i);
            }
        }
    }

    /// <summary>Creates a period from its first and last months.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> comes before <paramref name="from"/>.</exception>
    public static Period Create(Month from, Month to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The period ends ({to}) before it starts ({from}).");
        }

        return new Period(from, to);
    }

    /// <summary>Whether <paramref name="month"/> lies in the period.</summary>
    public bool Contains(Month month) => month >= From && month <= To;

    /// <summary>Parses <c>YYYY-MM..YYYY-MM</c> or a single <c>YYYY-MM</c>.</summary>
    /// <exception cref="FormatException">The text is not a period, or it ends before it starts.</exception>
    public static Period Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var period, out var error) ? period : throw new FormatException(error);
    }

    /// <summary>Tries to parse a period: <c>YYYY-MM..YYYY-MM</c>, one month <c>YYYY-MM</c>, a calendar year
    /// <c>2016</c>, or a financial year <c>FY2015/16</c> (April 2015 to March 2016).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="period">The period, when parsed.</param>
    /// <param name="error">Why the text is not a period, when it is not.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out Period? period, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        period = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 4 && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2999)
        {
            period = new Period(new Month(year, 1), new Month(year, 12));
            error = null;
            return true;
        }

        if (trimmed.StartsWith("FY", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseFinancialYear(trimmed, out period, out error);
        }

        var parts = text.Split("..", 2, StringSplitOptions.TrimEntries);
        if (!Month.TryParse(parts[0], out var from) || !Month.TryParse(parts[^1], out var to))
        {
            error = $"'{text}' is not a period: write YYYY-MM..YYYY-MM (2015-01..2015-12), a year (2016) or a financial year (FY2015/16).";
            return false;
        }

        if (to < from)
        {
            error = $"The period '{text}' ends before it starts.";
            return false;
        }

        period = new Period(from, to);
        error = null;
        return true;
    }

    static bool TryParseFinancialYear(string text, [NotNullWhen(true)] out Period? period, [NotNullWhen(false)] out string? error)
    {
        period = null;
        var body = text[2..];
        if (body.Length != 7 || body[4] != '/'
            || !int.TryParse(body.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(body.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || start is < 1900 or > 2998)
        {
            error = $"'{text}' is not a financial year: write FY followed by the two years, as FY2015/16.";
            return false;
        }

        if (end != (start + 1) % 100)
        {
            error = $"'{text}' is not a financial year: {start}/{end:D2} does not run from one year into the next (write FY{start}/{(start + 1) % 100:D2}).";
            return false;
        }

        period = new FinancialYear(start).Period;
        error = null;
        return true;
    }

    /// <summary>The period as <c>FROM..TO</c>, or one month alone.</summary>
    public override string ToString() => From == To ? From.ToString() : $"{From}..{To}";
}
