using Csa.Analysis.Priorities;
using Csa.Core;

namespace Csa.Analysis.Tests.Priorities;

/// <summary>The priority matrix against hand computations (SYNTHETIC measures, chosen so that every rule shows).</summary>
public class PriorityMatrixTests
{
    static readonly Dictionary<PriorityCriterion, double> Equal = [];

    /// <summary>Four categories: A high on everything but harm, B the most harmful, C lacks a harm weight, D small but rising.</summary>
    static readonly PriorityInput[] Four =
    [
        new("A", 100, 0.2, true, 1.5, true, 10),
        new("B", 50, 0, false, 1.0, false, 20),
        new("C", 50, -0.1, false, 0.8, false, null),
        new("D", 10, 0.1, true, 1.2, false, 5),
    ];

    [Fact]
    public void Scales_ByRank_ScoresTheWeightedMean_AndGivesReasonCodes()
    {
        var result = PriorityMatrix.Score(Four, Equal);

        // By hand: volume ranks D 1, B and C 2.5 (tied), A 4 → 0, 0.5, 0.5, 1; trend and group C 0, B 1/3, D 2/3, A 1;
        // harm over the three that have it D 0, A 0.5, B 1. Scores: A (1 + 1 + 1 + 0.5) / 4 = 0.875; B (0.5 + 1/3 + 1/3 + 1) / 4;
        // C (0.5 + 0 + 0) / 3 (no harm weight: scored on the three it has); D (0 + 2/3 + 2/3 + 0) / 4.
        Assert.Equal(["A", "B", "D", "C"], result.Scores.Select(s => s.Input.Category));
        Assert.Equal([1, 2, 3, 4], result.Scores.Select(s => s.Rank));
        var score = result.Scores.ToDictionary(s => s.Input.Category);
        Assert.Equal(0.875, score["A"].Score, 12);
        Assert.Equal((0.5 + (1 / 3.0) + (1 / 3.0) + 1) / 4, score["B"].Score, 12);
        Assert.Equal(0.5 / 3, score["C"].Score, 12);
        Assert.Equal((4 / 3.0) / 4, score["D"].Score, 12);
        Assert.Equal(0.5, score["B"].Scaled[PriorityCriterion.Volume], 12);
        Assert.False(score["C"].Scaled.ContainsKey(PriorityCriterion.Harm));
        Assert.Equal(["high volume", "significant increase", "above group"], score["A"].Reasons);
        Assert.Equal(["high harm"], score["B"].Reasons);
        Assert.Empty(score["C"].Reasons);
        Assert.Equal(["significant increase"], score["D"].Reasons);
        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void ACriterionNoCategoryHas_IsDropped_AndItsWeightShared()
    {
        var noGroup = Four.Select(i => i with { GroupRatio = null, AboveGroup = false }).ToArray();

        var result = PriorityMatrix.Score(noGroup, new Dictionary<PriorityCriterion, double> { [PriorityCriterion.Volume] = 2, [PriorityCriterion.Harm] = 1, [PriorityCriterion.Trend] = 1, [PriorityCriterion.Group] = 1 });

        // Total weight 5 over the three kept (4): each kept weight × 5/4.
        Assert.Equal([PriorityCriterion.Group], result.Dropped);
        Assert.Equal(2.5, result.Weights[PriorityCriterion.Volume], 12);
        Assert.Equal(1.25, result.Weights[PriorityCriterion.Trend], 12);
        Assert.Equal(1.25, result.Weights[PriorityCriterion.Harm], 12);
        Assert.False(result.Weights.ContainsKey(PriorityCriterion.Group));
        Assert.Contains(result.Notes, n => n.StartsWith("Position against the group is left out: the document has no comparison group", StringComparison.Ordinal));

        // A: (2.5 × 1 + 1.25 × 1 + 1.25 × 0.5) / 5 = 0.875.
        Assert.Equal(0.875, result.Scores.Single(s => s.Input.Category == "A").Score, 12);
    }

    [Fact]
    public void TheSensitivityCheck_ShowsHowTheTopFiveMoves()
    {
        // Six categories, volume falling as harm rises; trend and group not measured (dropped). Equal weights: every score
        // is 0.5, so volume breaks the tie: P1..P5. Halving volume's weight (or doubling harm's) puts P6 in and P1 out.
        var six = Enumerable.Range(1, 6).Select(i => new PriorityInput($"P{i}", 70 - (10 * i), null, false, null, false, i)).ToArray();

        var result = PriorityMatrix.Score(six, Equal);

        Assert.Equal(["P1", "P2", "P3", "P4", "P5"], result.Scores.Take(5).Select(s => s.Input.Category));
        Assert.All(result.Scores, s => Assert.Equal(0.5, s.Score, 12));
        var halvedVolume = result.Sensitivity.Single(s => s.Criterion == PriorityCriterion.Volume && s.Factor == 0.5);
        Assert.Equal(["P6", "P5", "P4", "P3", "P2"], halvedVolume.TopFive);
        Assert.Equal(["P6"], halvedVolume.Entered);
        Assert.Equal(["P1"], halvedVolume.Left);
        var doubledVolume = result.Sensitivity.Single(s => s.Criterion == PriorityCriterion.Volume && s.Factor == 2);
        Assert.Equal(["P1", "P2", "P3", "P4", "P5"], doubledVolume.TopFive);
        Assert.Empty(doubledVolume.Entered);
        var doubledHarm = result.Sensitivity.Single(s => s.Criterion == PriorityCriterion.Harm && s.Factor == 2);
        Assert.Equal(["P6"], doubledHarm.Entered);
        Assert.Equal(4, result.Sensitivity.Count);
    }

    [Fact]
    public void NegativeWeights_AreRefused()
    {
        var error = Assert.Throws<CsaQueryException>(() => PriorityMatrix.Score(Four, new Dictionary<PriorityCriterion, double> { [PriorityCriterion.Harm] = -1 }));

        Assert.Contains("priorities.weights", error.Message, StringComparison.Ordinal);
    }
}
