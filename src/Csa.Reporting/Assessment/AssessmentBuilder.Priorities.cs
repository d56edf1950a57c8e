using Csa.Analysis;
using Csa.Analysis.Harm;
using Csa.Analysis.Priorities;
using Csa.Analysis.Rates;
using Csa.Core;
using Csa.Statistics;

namespace Csa.Reporting.Assessment;

public sealed partial class AssessmentBuilder
{
    /// <summary>The priority matrix of every category of the theme's tree (its first row, the total, aside): volume and trend
    /// from the document's own comparison, position against the group from the most similar group (when the config has one),
    /// harm from the Crime Severity Score weights; the matrix's top five drafted as the priorities, or the partnership's own
    /// choice beside them where the config overrides.</summary>
    async Task<IReadOnlyList<ReportBlock>> PriorityMatrixAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var comparison = c.Comparison!;
        var indices = MatrixCategories(c.Tree);
        var groups = await GroupPositionsAsync(c, indices, cancellationToken).ConfigureAwait(false);
        var weights = SeverityWeights.BuiltIn();
        var street = comparison.Coverage is Analysis.Coverage.StreetCoverage;
        var harm = street
            ? await analyses.HarmAsync(true, c.Area, c.Tree, c.Later, weights, cancellationToken).ConfigureAwait(false)
            : await analyses.HarmAsync(false, c.Area, c.Tree, c.Later, weights, cancellationToken).ConfigureAwait(false);
        c.Sources.HomeOfficeForceTable |= street && harm.Any(h => h is not null);
        var inputs = indices.Select(i =>
        {
            var test = comparison.Rows[i].Test;
            var trend = test.Verdict == ChangeVerdict.NoSignificantChange ? 0 : Math.Log(test.RateRatio);
            return new PriorityInput(c.Tree.Rows[i].Label, comparison.Rows[i].Later, trend, test.Verdict == ChangeVerdict.SignificantIncrease, groups[i]?.Ratio, groups[i]?.Above ?? false, harm[i]);
        }).ToList();
        var matrix = PriorityMatrix.Score(inputs, c.Config.Matrix.Weights.ToDictionary(p => Enum.Parse<PriorityCriterion>(p.Key, ignoreCase: true), p => p.Value));

        var notes = new List<string>(matrix.Notes)
        {
            $"Volume and trend: {Label(c.Later)} against {Label(c.Earlier)}, like for like, from the comparison in Appendix A (trend: the log rate ratio of a significant change, 0 otherwise).",
        };
        if (!matrix.Dropped.Contains(PriorityCriterion.Group))
        {
            notes.Add($"Position against the group: the area's rate ÷ its group's weighted average rate in {c.Config.Msg!.Period}, each category ranked as in the most similar group section.");
        }

        if (!matrix.Dropped.Contains(PriorityCriterion.Harm))
        {
            notes.Add($"Harm: the mean {SeverityWeights.BuiltInEdition} weight of a category's crimes. " + (street ? CategoryHarm.StreetNote : "From the area's own crimes by offence code in the local extract."));
        }

        var table = ResultTable.Create(
            $"The priority matrix: every category of the {c.Tree.Name} tree, highest score first",
            ["Rank", "Category", "Crimes", "Change", "Rate ÷ group", "Harm weight", "Score", "Reasons", "Volume scaled", "Trend scaled", "Group scaled", "Harm scaled"],
            [.. matrix.Scores.Select(s => (IReadOnlyList<object?>)
            [
                (long)s.Rank, s.Input.Category, s.Input.Volume, Change(comparison.Rows[c.Tree.IndexOf(s.Input.Category)]),
                Round(s.Input.GroupRatio, 2), Round(s.Input.Harm, 1), Math.Round(s.Score, 3), string.Join(", ", s.Reasons),
                .. Enum.GetValues<PriorityCriterion>().Select(k => (object?)(s.Scaled.TryGetValue(k, out var v) ? Math.Round(v, 3) : null)),
            ])],
            notes);
        var sensitivity = ResultTable.Create(
            "Sensitivity: the top five with each criterion's weight halved or doubled",
            ["Weight changed", "Top five", "Came in", "Went out"],
            [.. matrix.Sensitivity.Select(s => (IReadOnlyList<object?>)[$"{PriorityMatrix.Name(s.Criterion)} {(s.Factor < 1 ? "halved" : "doubled")}", string.Join(", ", s.TopFive), Words(s.Entered), Words(s.Left)])],
            [$"The matrix's own top five: {string.Join(", ", matrix.Scores.Take(PriorityMatrix.TopCount).Select(s => s.Input.Category))}."]);
        return
        [
            new ParagraphBlock(Drafted(c, matrix)),
            new TableBlock("priorities", table) { WorkbookOnly = ["Volume scaled", "Trend scaled", "Group scaled", "Harm scaled"] },
            new TableBlock("priorities-sensitivity", sensitivity),
        ];
    }

    /// <summary>The rows the matrix scores: the tree's categories, not its totals. A row with rows beneath it, the first row (the
    /// total) and a row whose offences hold all of another scored row's are totals of others; a label met twice is scored once.
    /// Marker rows (domestic abuse, child sexual exploitation) are categories of their own.</summary>
    internal static int[] MatrixCategories(Analysis.Trees.CategoryTree tree)
    {
        var rows = tree.Rows;
        var leaves = Enumerable.Range(1, rows.Count - 1)
            .Where(i => i + 1 >= rows.Count || rows[i + 1].Level <= rows[i].Level)
            .DistinctBy(i => rows[i].Label, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        HashSet<string> Offences(int i) => [.. rows[i].Codes, .. rows[i].PoliceUkTypes];
        return [.. leaves.Where(i => rows[i].Marker is not null || !leaves.Any(j => j != i && rows[j].Marker is null && Offences(j).Count > 0 && Offences(j).IsProperSubsetOf(Offences(i))))];
    }

    /// <summary>The drafted priorities: the matrix's top five with their reasons, how steady they are, and the partnership's own
    /// choice where the config overrides the matrix.</summary>
    static string Drafted(BuildContext c, PriorityMatrixResult matrix)
    {
        var top = matrix.Scores.Take(PriorityMatrix.TopCount).ToArray();
        var text = "Scored on " + string.Join(", ", matrix.Weights.Keys.Select(PriorityMatrix.Name)) + ", the matrix puts first: "
            + string.Join("; ", top.Select(s => $"{s.Rank}. {s.Input.Category}{(s.Reasons.Count == 0 ? string.Empty : $" ({string.Join(", ", s.Reasons)})")}")) + ".";
        var moved = matrix.Sensitivity.Where(s => s.Entered.Count > 0).ToArray();
        text += moved.Length == 0
            ? " The top five stays the same when any criterion's weight is halved or doubled."
            : " The top five changes when " + string.Join("; ", moved.Select(s => $"{PriorityMatrix.Name(s.Criterion)} is {(s.Factor < 1 ? "halved" : "doubled")} ({Words(s.Entered)} in, {Words(s.Left)} out)")) + ".";
        var chosen = c.Config.Matrix.Chosen;
        if (chosen.Count == 0)
        {
            return text + " These are the drafted priorities.";
        }

        var ranks = matrix.Scores.ToDictionary(s => s.Input.Category, s => s.Rank, StringComparer.OrdinalIgnoreCase);
        var unknown = chosen.Where(x => !ranks.ContainsKey(x)).ToArray();
        if (unknown.Length > 0)
        {
            throw new CsaQueryException($"matrix.chosen: {string.Join(", ", unknown.Select(u => $"'{u}'"))} {(unknown.Length == 1 ? "is not a category" : "are not categories")} of the matrix (rows of the {c.Tree.Name} tree below its total).");
        }

        return text + $" The partnership's own priorities (the config overrides the matrix here): {string.Join("; ", chosen.Select(x => $"{x} (ranked {ranks[x]} by the matrix)"))}"
            + (c.Config.Matrix.Reason is { } reason ? $". Its reason: {reason.TrimEnd('.')}." : ".");
    }

    /// <summary>Each category's rate against its group (ratio, and whether significantly above), where the config has a group of
    /// areas; null for every category without one, or where the group cannot count the category.</summary>
    async Task<(double Ratio, bool Above)?[]> GroupPositionsAsync(BuildContext c, int[] indices, CancellationToken cancellationToken)
    {
        var positions = new (double Ratio, bool Above)?[c.Tree.Rows.Count];
        if (c.Config.Msg is not { Table: null } m)
        {
            // No group, or an analyst's table of one category only.
            return positions;
        }

        var period = Period.Parse(m.Period);
        var msg = analyses.Group(streetOnly: IsPublic);
        var group = m.Group is { } file ? MostSimilarGroup.ReadGroup(Path.Combine(c.Config.BaseFolder, file)) : null;
        foreach (var i in indices)
        {
            try
            {
                var answer = group is not null
                    ? await msg.AnswerAsync(c.Area, group, c.Tree, c.Tree.Rows[i].Label, period, true, m.PopulationYear, cancellationToken).ConfigureAwait(false)
                    : await msg.AnswerNearestAsync(c.Area, m.Nearest!.Value, c.Tree, c.Tree.Rows[i].Label, period, true, m.PopulationYear, cancellationToken: cancellationToken).ConfigureAwait(false);
                positions[i] = (answer.RatioToGroup, answer.AboveGroup);
            }
            catch (CsaQueryException)
            {
                // The group cannot count this category (a marker on street data): no position, never zero.
            }
        }

        return positions;
    }

    static FormattedNumber Change(Analysis.Comparison.ComparisonRow row) => FormattedNumber.PercentChange(row.Earlier, row.Later);

    static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;

    static string Words(IReadOnlyList<string> categories) => categories.Count == 0 ? "none" : string.Join(", ", categories);
}
