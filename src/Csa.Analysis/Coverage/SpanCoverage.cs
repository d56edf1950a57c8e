using Csa.Core;

namespace Csa.Analysis.Coverage;

/// <summary>The coverage of a source that holds every month from its first to its last record: a local police extract.</summary>
/// <param name="description">What the source is, for messages.</param>
/// <param name="span">The first to the last month held, or null when the source holds nothing.</param>
public sealed class SpanCoverage(string description, Period? span) : SourceCoverage
{
    /// <inheritdoc/>
    public override string Description { get; } = description;

    /// <inheritdoc/>
    public override Period? Span { get; } = span;

    /// <inheritdoc/>
    public override bool IsHeld(Month month) => Span?.Contains(month) ?? false;

    /// <inheritdoc/>
    protected override string WhyNotHeld(Period? period) => $"{DescribeSpan()} Ask for months inside that span.";

    /// <inheritdoc/>
    public override IReadOnlyList<string> NotesFor(Period period)
    {
        var missing = MissingMonths(period);
        return missing.Count == 0
            ? []
            : [$"Not held: {Description} holds no record for {DataCoverage.DescribeMonths(missing)} ({DescribeSpan().TrimEnd('.')}); those months are left out, not counted as zero."];
    }
}
