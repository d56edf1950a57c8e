namespace Csa.Statistics.Tests;

/// <summary>Reference values of METHODS.md 1.3 (exact conditional test, equal exposures), to 1e-6.</summary>
public class PoissonComparisonTests
{
    [Theory]
    [InlineData(16, 25, 0.211024)]
    [InlineData(3, 10, 0.092285)]
    [InlineData(0, 5, 0.062500)]
    [InlineData(0, 6, 0.031250)]
    [InlineData(20, 30, 0.202639)]
    [InlineData(100, 120, 0.200092)]
    [InlineData(4, 0, 0.125000)]
    public void Test_EqualExposures_MatchesTheReferencePValue(long earlier, long later, double p) =>
        Assert.Equal(p, PoissonComparison.Test(earlier, later).PValue, 1e-6);

    [Fact]
    public void Test_VerdictsAndSmallNumbers()
    {
        Assert.Equal(ChangeVerdict.NoSignificantChange, PoissonComparison.Test(0, 5).Verdict);
        Assert.Equal(ChangeVerdict.SignificantIncrease, PoissonComparison.Test(0, 6).Verdict);
        Assert.True(PoissonComparison.Test(0, 6).SmallNumbers);
        Assert.Equal("significant increase; small numbers: compare with caution", PoissonComparison.Test(0, 6).Describe());
        Assert.Equal(ChangeVerdict.SignificantIncrease, PoissonComparison.Test(7416, 8257).Verdict);
        Assert.Equal(ChangeVerdict.SignificantDecrease, PoissonComparison.Test(204, 113).Verdict);
        Assert.Equal("no significant change", PoissonComparison.Test(100, 120).Describe());
    }

    [Fact]
    public void Test_EqualCounts_GiveP1_AndTheRateRatioIntervalHoldsOne()
    {
        var test = PoissonComparison.Test(50, 50);

        Assert.Equal(1.0, test.PValue, 1e-9);
        Assert.Equal(1.0, test.RateRatio);
        Assert.True(test.RateRatioInterval.Lower < 1 && test.RateRatioInterval.Upper > 1);
    }

    [Fact]
    public void Test_Exposures_ComparesRatesNotCounts()
    {
        // 12 months against 6: 24 and 12 crimes are the same monthly rate.
        var test = PoissonComparison.Test(24, 12, earlierExposure: 12, laterExposure: 6);

        Assert.Equal(1.0, test.RateRatio, 1e-12);
        Assert.Equal(ChangeVerdict.NoSignificantChange, test.Verdict);
        Assert.True(test.PValue > 0.9);
    }

    [Fact]
    public void Test_RateRatioInterval_IsTheClopperPearsonIntervalTransformed()
    {
        // 25 of 41 events in the later period: Clopper–Pearson 95% for the share is (0.4450, 0.7588).
        var interval = PoissonComparison.Test(16, 25).RateRatioInterval;

        Assert.Equal(0.4450 / (1 - 0.4450), interval.Lower, 0.01);
        Assert.Equal(0.7588 / (1 - 0.7588), interval.Upper, 0.02);
    }
}
