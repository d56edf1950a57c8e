using Csa.Core;

namespace Csa.Analysis.Coverage;

/// <summary>The coverage of a source that lists the months it holds: a partner series (ambulance call-outs, A&amp;E).</summary>
/// <param name="description">What the source is, for messages.</param>
/// <param name="months">The months the source lists.</param>
public sealed class MonthSetCoverage(string description, IEnumerable<Month> months) : SourceCoverage
{
    readonly SortedSet<Month> _months = [.. months];

    /// <inheritdoc/>
    public override string Description { get; } = description;

    /// <inheritdoc/>
    public override Period? Span => _months.Count == 0 ? null : Period.Create(_months.Min, _months.Max);

    /// <inheritdoc/>
    public override bool IsHeld(Month month) => _months.Contains(month);

    /// <inheritdoc/>
    protected override string WhyNotHeld(Period? period) => $"{DescribeSpan()} Ask for months the source lists.";

    /// <inheritdoc/>
    public override IReadOnlyList<string> NotesFor(Period period)
    {
        var missing = MissingMonths(period);
        return missing.Count == 0
            ? []
            : [$"Not held: {Description} lists no figure for {DataCoverage.DescribeMonths(missing)}; those months are left out, not counted as zero."];
    }
}
