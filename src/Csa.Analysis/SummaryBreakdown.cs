namespace Csa.Analysis;

/// <summary>How <see cref="CrimeSummary"/> breaks its counts down.</summary>
public enum SummaryBreakdown
{
    /// <summary>One row per data.police.uk crime type, then all crime, then anti-social behaviour apart.</summary>
    Type,

    /// <summary>One row per month of the period; months with no data held say so.</summary>
    Month,

    /// <summary>One row per electoral ward of the area.</summary>
    Ward,
}
