using Csa.Analysis.Harm;
using Csa.Core;
using Csa.Core.Official;

namespace Csa.Analysis.Tests.Harm;

/// <summary>The Crime Severity Score on SYNTHETIC rows, computed by hand; the built-in weights are ONS's.</summary>
public class SeverityScoreTests
{
    static RecordedCrimeRow Row(int year, int quarter, string code, string group, long count) =>
        new(new FinancialYear(year), quarter, "Testshire", code, $"offence {code}", group, group, count, 0);

    [Fact]
    public void TheScore_IsWeightedOffencesOverPopulation_LeavingOutFraudAndUnweightedCodes()
    {
        var weights = SeverityWeights.BuiltIn();
        var arson = weights.Of("56A")!.Value;  // 826.19…
        var damage = weights.Of("58A")!.Value; // 5.3967…
        IReadOnlyList<RecordedCrimeRow> rows =
        [
            Row(2019, 1, "56A", "Criminal damage and arson", 2),
            Row(2019, 2, "58A", "Criminal damage and arson", 100),
            Row(2019, 3, "58A", "Criminal damage and arson", -4), // an adjustment, kept
            Row(2019, 4, "8U", "Violence against the person", 50), // no weight in this edition
            Row(2019, 4, "AF", "Fraud offences", 1_000),
        ];

        var (years, unweighted) = SeverityScore.Compute(rows, new Dictionary<int, double> { [2018] = 9_000, [2019] = 10_000 }, weights, new FinancialYear(2019), new FinancialYear(2019));

        var year = Assert.Single(years);
        Assert.Equal(4, year.QuartersHeld);
        Assert.Equal(148, year.Offences);
        Assert.Equal(50, year.Unweighted);
        Assert.Equal(2019, year.PopulationYear);
        Assert.Equal(((2 * arson) + (96 * damage)) / 10_000, year.Score!.Value, 12);
        Assert.Equal(0.2170464, year.Score.Value, 7); // (2 × 826.1900614 + 96 × 5.39670789) ÷ 10,000, by hand
        Assert.Equal(year.Score.Value, year.ScoreByGroup.Values.Sum(), 12);
        var code8U = Assert.Single(unweighted);
        Assert.Equal(("8U", 50L), (code8U.Code, code8U.Count));
        Assert.Equal(50.0 / 148, code8U.Share, 12);
    }

    [Fact]
    public void APartialYear_IsAnnualised_AndThePopulationIsTheNearestYearHeld()
    {
        var weights = SeverityWeights.BuiltIn();
        var (years, _) = SeverityScore.Compute([Row(2023, 1, "58A", "Criminal damage and arson", 10)], new Dictionary<int, double> { [2021] = 1_000, [2022] = 2_000 }, weights, new FinancialYear(2023), new FinancialYear(2023));

        var year = Assert.Single(years);
        Assert.Equal(1, year.QuartersHeld);
        Assert.Equal(2022, year.PopulationYear);
        Assert.Equal(10 * weights.Of("58A")!.Value * 4 / 2_000, year.Score!.Value, 12);
    }

    [Fact]
    public void WithoutAPopulation_ThereIsNoScore_NeverZero()
    {
        var (years, _) = SeverityScore.Compute([Row(2019, 1, "58A", "Criminal damage and arson", 10)], new Dictionary<int, double>(), SeverityWeights.BuiltIn(), new FinancialYear(2019), new FinancialYear(2019));

        Assert.Null(Assert.Single(years).Score);
    }

    [Fact]
    public void TheBuiltInWeights_AreONSs134Codes_AndAFileAddsToThem()
    {
        using var scratch = Csa.Tests.TestPaths.NewScratchFolder();
        var file = scratch.File("weights.csv");
        File.WriteAllText(file, "Offence Code,Weight\n8U,100.5\n");

        Assert.Equal(134, SeverityWeights.BuiltIn().Count);
        Assert.Null(SeverityWeights.BuiltIn().Of("8U"));
        Assert.Equal(100.5, SeverityWeights.WithFile(file).Of("8U"));
        Assert.Equal(826.1900614, SeverityWeights.WithFile(file).Of("56A"));
    }
}
