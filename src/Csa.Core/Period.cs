using System.Diagnostics.CodeAnalysis;

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
            for (var month = From; month <= To; month = month.AddMonths(1))
            {
                yield return month;
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

    /// <summary>Tries to parse <c>YYYY-MM..YYYY-MM</c> or a single <c>YYYY-MM</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="period">The period, when parsed.</param>
    /// <param name="error">Why the text is not a period, when it is not.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out Period? period, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        period = null;
        var parts = text.Split("..", 2, StringSplitOptions.TrimEntries);
        if (!Month.TryParse(parts[0], out var from) || !Month.TryParse(parts[^1], out var to))
        {
            error = $"'{text}' is not a period: write YYYY-MM..YYYY-MM (for example 2015-01..2015-12).";
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

    /// <summary>The period as <c>FROM..TO</c>, or one month alone.</summary>
    public override string ToString() => From == To ? From.ToString() : $"{From}..{To}";
}
