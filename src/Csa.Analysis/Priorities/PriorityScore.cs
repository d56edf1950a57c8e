namespace Csa.Analysis.Priorities;

/// <summary>A category's place in the priority matrix.</summary>
/// <param name="Input">Its measures.</param>
/// <param name="Scaled">Each criterion's measure scaled to 0–1 across the categories (absent where the measure is).</param>
/// <param name="Score">The weighted mean of its scaled measures, 0–1.</param>
/// <param name="Rank">1 for the highest score.</param>
/// <param name="Reasons">Its reason codes: high volume, significant increase, above group, high harm.</param>
public sealed record PriorityScore(PriorityInput Input, IReadOnlyDictionary<PriorityCriterion, double> Scaled, double Score, int Rank, IReadOnlyList<string> Reasons);

/// <summary>How the top five change when one criterion's weight is multiplied by a factor.</summary>
/// <param name="Criterion">The criterion re-weighted.</param>
/// <param name="Factor">0.5 (halved) or 2 (doubled).</param>
/// <param name="TopFive">The top five then, in order.</param>
/// <param name="Entered">Categories in that top five and not in the matrix's own.</param>
/// <param name="Left">Categories of the matrix's own top five no longer in it.</param>
public sealed record PrioritySensitivity(PriorityCriterion Criterion, double Factor, IReadOnlyList<string> TopFive, IReadOnlyList<string> Entered, IReadOnlyList<string> Left);
