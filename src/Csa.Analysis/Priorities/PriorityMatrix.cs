using System.Globalization;
using Csa.Core;

namespace Csa.Analysis.Priorities;

/// <summary>A transparent scoring of every category of a document on four criteria (volume, trend, position against the
/// comparison group, harm), as partnerships' matrices do (MoRiLE, Haringey's matrix with reasons), with reason codes and a
/// sensitivity check. Documented with a worked example in docs/METHODS.md.</summary>
/// <remarks>
/// <para><b>Scale</b>: each criterion's measures are ranked across the categories that have one (ties share their mean
/// rank) and scaled as (rank − 1) ÷ (n − 1): 0 for the lowest, 1 for the highest, whatever the units or outliers. One
/// category alone scales to 0.5.</para>
/// <para><b>Weights</b>: from the config (1 each by default). A criterion no category has (no group, no weights) is dropped
/// and its weight shared among the others in proportion to theirs, so the weights still sum to the same total. A category
/// that lacks one measure is scored on the criteria it has.</para>
/// <para><b>Score</b>: Σ weight × scaled ÷ Σ weight over the criteria a category has, 0–1; ranked highest first (ties by
/// volume, then name).</para>
/// <para><b>Reason codes</b>: "high volume" and "high harm" for a scaled measure of at least 0.75 (the top quarter);
/// "significant increase" for a significant like-for-like increase; "above group" for a count significantly above what the
/// group's average rate gives the area.</para>
/// <para><b>Sensitivity</b>: each criterion's weight halved and doubled in turn; the top five then, and what entered or left.</para>
/// </remarks>
public static class PriorityMatrix
{
    /// <summary>The scaled measure from which "high volume" and "high harm" are given.</summary>
    public const double HighThreshold = 0.75;

    /// <summary>How many categories the sensitivity check follows.</summary>
    public const int TopCount = 5;

    /// <summary>Scores the categories.</summary>
    /// <param name="inputs">Every category's measures.</param>
    /// <param name="weights">Each criterion's weight (missing criteria weigh 1).</param>
    public static PriorityMatrixResult Score(IReadOnlyList<PriorityInput> inputs, IReadOnlyDictionary<PriorityCriterion, double> weights)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(weights);
        var all = Enum.GetValues<PriorityCriterion>();
        var asked = all.ToDictionary(c => c, c => weights.TryGetValue(c, out var w) ? w : 1.0);
        if (asked.Values.Any(w => w < 0 || double.IsNaN(w)) || asked.Values.Sum() <= 0)
        {
            throw new CsaQueryException("priorities.weights: every weight must be zero or more, and at least one more than zero.");
        }

        var dropped = all.Where(c => inputs.All(i => i.Value(c) is null)).ToArray();
        var kept = all.Except(dropped).ToArray();
        var keptTotal = kept.Sum(c => asked[c]);
        if (keptTotal <= 0)
        {
            throw new CsaQueryException("priorities: no criterion with a weight above zero can be computed for this document.");
        }

        // The dropped criteria's weight shared among the others in proportion to theirs.
        var effective = kept.ToDictionary(c => c, c => asked[c] * asked.Values.Sum() / keptTotal);
        var scaled = kept.ToDictionary(c => c, c => Scale(inputs, c));
        var scores = Rank(inputs, scaled, effective);
        var top = scores.Take(TopCount).Select(s => s.Input.Category).ToArray();
        var sensitivity = new List<PrioritySensitivity>();
        foreach (var criterion in kept)
        {
            foreach (var factor in new[] { 0.5, 2.0 })
            {
                var changed = effective.ToDictionary(p => p.Key, p => p.Key == criterion ? p.Value * factor : p.Value);
                var other = Rank(inputs, scaled, changed).Take(TopCount).Select(s => s.Input.Category).ToArray();
                sensitivity.Add(new PrioritySensitivity(criterion, factor, other, [.. other.Except(top)], [.. top.Except(other)]));
            }
        }

        var notes = new List<string>
        {
            "Each criterion is scaled 0–1 across the categories by rank (ties share their mean rank): 0 for the lowest, 1 for the highest. " +
            "The score is the weighted mean of a category's scaled criteria. Reason codes: high volume and high harm for the top quarter (scaled 0.75 or more), " +
            "significant increase for a significant like-for-like increase, above group for a count significantly above the group's average rate.",
            "Weights: " + string.Join(", ", kept.Select(c => string.Create(CultureInfo.InvariantCulture, $"{Name(c)} {effective[c]:0.##}"))) + ".",
        };
        foreach (var criterion in dropped)
        {
            notes.Add($"{char.ToUpperInvariant(Name(criterion)[0])}{Name(criterion)[1..]} is left out: {Why(criterion)}; its weight is shared among the other criteria in proportion to theirs.");
        }

        return new PriorityMatrixResult(scores, effective, dropped, sensitivity, notes);
    }

    /// <summary>The criterion's name as the document prints it.</summary>
    public static string Name(PriorityCriterion criterion) => criterion switch
    {
        PriorityCriterion.Volume => "volume",
        PriorityCriterion.Trend => "trend",
        PriorityCriterion.Group => "position against the group",
        PriorityCriterion.Harm => "harm",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    static string Why(PriorityCriterion criterion) => criterion switch
    {
        PriorityCriterion.Trend => "no like-for-like comparison could be made",
        PriorityCriterion.Group => "the document has no comparison group",
        PriorityCriterion.Harm => "no severity weight applies to any category",
        _ => "no category has a count",
    };

    /// <summary>Rank-based scaling of one criterion over the categories that have it.</summary>
    static Dictionary<string, double> Scale(IReadOnlyList<PriorityInput> inputs, PriorityCriterion criterion)
    {
        var values = inputs.Where(i => i.Value(criterion) is not null).Select(i => (i.Category, Value: i.Value(criterion)!.Value)).ToList();
        var scaled = new Dictionary<string, double>(StringComparer.Ordinal);
        if (values.Count == 1)
        {
            scaled[values[0].Category] = 0.5;
            return scaled;
        }

        foreach (var (category, value) in values)
        {
            // Mean rank from 1 (lowest): the values below, plus the mean place among its ties.
            var below = values.Count(v => v.Value < value);
            var tied = values.Count(v => v.Value == value);
            var rank = below + ((tied + 1) / 2.0);
            scaled[category] = (rank - 1) / (values.Count - 1);
        }

        return scaled;
    }

    static List<PriorityScore> Rank(IReadOnlyList<PriorityInput> inputs, Dictionary<PriorityCriterion, Dictionary<string, double>> scaled, Dictionary<PriorityCriterion, double> weights)
    {
        var scored = inputs.Select(input =>
        {
            var mine = scaled.Where(s => s.Value.ContainsKey(input.Category)).ToDictionary(s => s.Key, s => s.Value[input.Category]);
            var weight = mine.Keys.Sum(c => weights[c]);
            var score = weight > 0 ? mine.Sum(p => weights[p.Key] * p.Value) / weight : 0;
            return (Input: input, Scaled: mine, Score: score);
        })
        .OrderByDescending(s => s.Score).ThenByDescending(s => s.Input.Volume).ThenBy(s => s.Input.Category, StringComparer.Ordinal)
        .ToList();
        return [.. scored.Select((s, i) => new PriorityScore(s.Input, s.Scaled, s.Score, i + 1, Reasons(s.Input, s.Scaled)))];
    }

    static List<string> Reasons(PriorityInput input, Dictionary<PriorityCriterion, double> scaled)
    {
        var reasons = new List<string>();
        if (scaled.TryGetValue(PriorityCriterion.Volume, out var volume) && volume >= HighThreshold)
        {
            reasons.Add("high volume");
        }

        if (input.SignificantIncrease)
        {
            reasons.Add("significant increase");
        }

        if (input.AboveGroup)
        {
            reasons.Add("above group");
        }

        if (scaled.TryGetValue(PriorityCriterion.Harm, out var harm) && harm >= HighThreshold)
        {
            reasons.Add("high harm");
        }

        return reasons;
    }
}

/// <summary>The scored matrix.</summary>
/// <param name="Scores">Every category, highest score first.</param>
/// <param name="Weights">The weights used, after any dropped criterion's weight was shared.</param>
/// <param name="Dropped">Criteria no category could be measured on.</param>
/// <param name="Sensitivity">The top five with each criterion's weight halved and doubled.</param>
/// <param name="Notes">The method, the weights, and why a criterion was left out.</param>
public sealed record PriorityMatrixResult(
    IReadOnlyList<PriorityScore> Scores,
    IReadOnlyDictionary<PriorityCriterion, double> Weights,
    IReadOnlyList<PriorityCriterion> Dropped,
    IReadOnlyList<PrioritySensitivity> Sensitivity,
    IReadOnlyList<string> Notes);
