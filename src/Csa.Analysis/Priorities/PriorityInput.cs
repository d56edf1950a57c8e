namespace Csa.Analysis.Priorities;

/// <summary>One category's measures for the priority matrix; null where a measure cannot be made for it (never zero).</summary>
/// <param name="Category">The category (a row of the document's tree).</param>
/// <param name="Volume">Crimes in the later period.</param>
/// <param name="Trend">The like-for-like change: the natural log of the rate ratio when the change is significant, 0 when it is
/// not; null when no comparison could be made.</param>
/// <param name="SignificantIncrease">Whether the change is a significant increase.</param>
/// <param name="GroupRatio">The area's rate ÷ its group's weighted average rate; null without a group.</param>
/// <param name="AboveGroup">Whether the area's count is significantly above what the group's average rate gives it.</param>
/// <param name="Harm">The mean severity weight of the category's crimes; null where no weight applies.</param>
public sealed record PriorityInput(string Category, long Volume, double? Trend, bool SignificantIncrease, double? GroupRatio, bool AboveGroup, double? Harm)
{
    /// <summary>The measure of one criterion.</summary>
    public double? Value(PriorityCriterion criterion) => criterion switch
    {
        PriorityCriterion.Volume => Volume,
        PriorityCriterion.Trend => Trend,
        PriorityCriterion.Group => GroupRatio,
        PriorityCriterion.Harm => Harm,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };
}
