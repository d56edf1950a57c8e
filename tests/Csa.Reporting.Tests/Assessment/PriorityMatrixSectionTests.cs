using System.Globalization;
using Csa.Analysis;
using Csa.Reporting.Assessment;
using Csa.Tests;

namespace Csa.Reporting.Tests.Assessment;

/// <summary>The priorities section of the demo's two documents: the categories it scores, harm weights recomputed here from the
/// bundled files, scores and reasons from the printed scales, and a criterion left out with its reason.</summary>
public sealed class PriorityMatrixSectionTests(ReportStoreFixture fixture) : IClassFixture<ReportStoreFixture>
{
    [Fact]
    public async Task Newcastle_ScoresEveryStreetType_WithHarmFromNorthumbriasOwnRecordedCrime()
    {
        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(Path.Combine(ReportStoreFixture.Examples, "report-northumbria-newcastle.json")));

        var table = report.Tables.Single(t => t.Id == "priorities").Table;
        var rows = table.Rows.ToDictionary(r => (string)r[1]!);
        Assert.Equal(13, rows.Count);
        Assert.DoesNotContain("All crime", rows.Keys);
        Assert.DoesNotContain("Anti-social behaviour", rows.Keys);

        // Harm of violence and sexual offences, by hand from the bundled CSV and the ONS weights: Northumbria's rows of the
        // groups "Violence against the person" and "Sexual offences" in the financial quarters 2022 touches (2021/22 Q4 and
        // 2022/23 Q1–Q3), Σ count × weight ÷ Σ count over the codes with a weight.
        var weights = File.ReadLines(Path.Combine(TestPaths.Sample, "reference", "ons-crime-severity-weights.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0].Trim(), f => double.Parse(f[^1], CultureInfo.InvariantCulture));
        var (sum, count) = (0.0, 0L);
        foreach (var f in File.ReadLines(ReportStoreFixture.PrcSample).Skip(1).Select(l => l.Split(',')))
        {
            var quarter = (f[0], f[1]);
            var inPeriod = quarter is ("2021/22", "4") or ("2022/23", "1") or ("2022/23", "2") or ("2022/23", "3");
            if (inPeriod && f[4] is "Violence against the person" or "Sexual offences" && weights.TryGetValue(f[6].Trim(), out var weight))
            {
                sum += weight * long.Parse(f[7], CultureInfo.InvariantCulture);
                count += long.Parse(f[7], CultureInfo.InvariantCulture);
            }
        }

        Assert.Equal(Math.Round(sum / count, 1), (double)rows["Violence and sexual offences"][5]!, 6);

        // Every score is the mean of the printed scales (equal weights; every criterion held for every street type), and the
        // reason codes follow the scales and the tests.
        foreach (var row in table.Rows)
        {
            var scaled = row.Skip(8).Select(v => (double)v!).ToArray();
            Assert.Equal(Math.Round(scaled.Average(), 3), (double)row[6]!, 2);
            var reasons = ((string)row[7]!).Split(", ", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(scaled[0] >= 0.75, reasons.Contains("high volume"));
            Assert.Equal(scaled[3] >= 0.75, reasons.Contains("high harm"));
        }

        Assert.Equal(Enumerable.Range(1, 13).Select(i => (long)i), table.Rows.Select(r => (long)r[0]!));
        Assert.Contains(table.Notes, n => n.Contains("not data.police.uk's official mapping", StringComparison.Ordinal));
        Assert.Equal(8, report.Tables.Single(t => t.Id == "priorities-sensitivity").Table.Rows.Count);
        Assert.Contains(report.Tables.Single(t => t.Id == "data-files").Table.Rows, r => (string)r[0]! == "prc:force");
    }

    [Fact]
    public async Task TheSeed_HasNoGroup_SoTheMatrixSaysItLeftTheCriterionOut_AndScoresCategoriesNotTotals()
    {
        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(Path.Combine(ReportStoreFixture.Examples, "report-seed-violence.json")));

        var table = report.Tables.Single(t => t.Id == "priorities").Table;
        Assert.Contains(table.Notes, n => n.StartsWith("Position against the group is left out: the document has no comparison group", StringComparison.Ordinal));
        Assert.All(table.Rows, r => Assert.Null(r[4]));
        var categories = table.Rows.Select(r => (string)r[1]!).ToArray();
        Assert.DoesNotContain("All Crime", categories);
        Assert.DoesNotContain("All Crime (excl Action Fraud)", categories);
        Assert.DoesNotContain("All Violence Against The Person", categories);
        Assert.Contains("Violence with injury", categories);
        Assert.Contains("Domestic Abuse", categories);
        Assert.Equal(categories.Length, categories.Distinct().Count());
        var drafted = report.Sections.Single(s => s.Id == "priorities").Blocks.OfType<ParagraphBlock>().First().Text;
        Assert.StartsWith("Scored on volume, trend, harm, the matrix puts first: 1. ", drafted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePartnershipsOwnChoice_IsPrintedBesideTheMatrix_AndAnUnknownCategoryIsAnError()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var config = AssessmentConfig.Load(Path.Combine(ReportStoreFixture.Examples, "report-northumbria-newcastle.json"));

        var chosen = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(config with { Matrix = new MatrixConfig { Chosen = ["Violence and sexual offences", "Drugs"], Reason = "drug markets drive the city centre's violence" } });
        var error = await Assert.ThrowsAsync<Core.CsaQueryException>(() => new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(config with { Matrix = new MatrixConfig { Chosen = ["Knife crime"] } }));

        var drafted = chosen.Sections.Single(s => s.Id == "priorities").Blocks.OfType<ParagraphBlock>().First().Text;
        Assert.Contains("The partnership's own priorities (the config overrides the matrix here): Violence and sexual offences (ranked 1 by the matrix); Drugs (ranked 7 by the matrix). Its reason: drug markets drive the city centre's violence.", drafted, StringComparison.Ordinal);
        Assert.Contains("matrix.chosen: 'Knife crime' is not a category", error.Message, StringComparison.Ordinal);
    }
}
