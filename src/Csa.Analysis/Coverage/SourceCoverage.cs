using Csa.Core;

namespace Csa.Analysis.Coverage;

/// <summary>Which months one source of counts holds for one area: the one coverage model behind every figure.</summary>
/// <remarks>
/// A month is <em>held</em> when the source can count it whole (for data.police.uk street data: every home force's
/// file for the month is held). Figures are made from held months only: a month that is not held is left out and
/// said so, never counted as zero. See docs/METHODS.md, "Gaps and like-for-like figures".
/// </remarks>
public abstract class SourceCoverage
{
    /// <summary>What the source is, for messages ("data.police.uk street data for Huntingdonshire (district E07000011)").</summary>
    public abstract string Description { get; }

    /// <summary>The first to the last held month, or null when no month is held.</summary>
    public abstract Period? Span { get; }

    /// <summary>Whether <paramref name="month"/> is held whole.</summary>
    public abstract bool IsHeld(Month month);

    /// <summary>The held months of <paramref name="period"/>, in order.</summary>
    public IReadOnlyList<Month> HeldMonths(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return [.. period.Months.Where(IsHeld)];
    }

    /// <summary>The months of <paramref name="period"/> that are not held, in order.</summary>
    public IReadOnlyList<Month> MissingMonths(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return [.. period.Months.Where(m => !IsHeld(m))];
    }

    /// <summary>The held months of <paramref name="period"/>; an error saying why, and what is held, when there are none.</summary>
    /// <param name="period">The period asked for.</param>
    /// <param name="which">The period's role in the question, for the message ("(the later period, --vs)"), or empty.</param>
    /// <exception cref="CsaQueryException">No month of the period is held.</exception>
    public IReadOnlyList<Month> RequireHeld(Period period, string which)
    {
        var held = HeldMonths(period);
        return held.Count > 0 ? held : throw new CsaQueryException($"Not held: no month of {period}{(which.Length > 0 ? " " + which : string.Empty)} is held in {Description}. {WhyNotHeld(period)}");
    }

    /// <summary>A period from <paramref name="from"/> to <paramref name="to"/>, each defaulting to the held span's end.</summary>
    /// <exception cref="CsaQueryException">A bound is missing and no month is held.</exception>
    public Period Complete(Month? from, Month? to)
    {
        if (from is { } f && to is { } t)
        {
            return t < f ? throw new CsaQueryException($"The period {f}..{t} ends before it starts.") : Period.Create(f, t);
        }

        var span = Span ?? throw new CsaQueryException($"Not held: no month is held in {Description}. {WhyNotHeld(null)}");
        var first = from ?? (to is { } end && end < span.From ? end : span.From);
        var last = to ?? (first > span.To ? first : span.To);
        return Period.Create(first, last);
    }

    /// <summary>Why the months of <paramref name="period"/> (or of any period) are not held, and what to ask instead.</summary>
    protected abstract string WhyNotHeld(Period? period);

    /// <summary>Notes for a figure over <paramref name="period"/>: the months left out and why; for street data, any other
    /// force's missing months with its share of the area's crime.</summary>
    public abstract IReadOnlyList<string> NotesFor(Period period);

    /// <summary>The held span as words, for messages.</summary>
    protected string DescribeSpan() => Span is { } span ? $"Months held run from {span.From} to {span.To}." : "No month is held.";
}
