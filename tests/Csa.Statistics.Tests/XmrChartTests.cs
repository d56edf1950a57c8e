namespace Csa.Statistics.Tests;

/// <summary>Reference values of METHODS.md 1.6 (XmR, NHS Making Data Count).</summary>
public class XmrChartTests
{
    static readonly double[] Data = [40, 42, 38, 45, 41, 39, 44, 43, 37, 40, 46, 60];

    [Fact]
    public void Of_ReferenceData_GivesTheLimitsAndFlagsTheLastPoint()
    {
        var chart = XmrChart.Of(Data);

        Assert.Equal(42.9167, chart.Mean, 1e-4);
        Assert.Equal(4.9091, chart.MeanMovingRange, 1e-4);
        Assert.Equal(55.9748, chart.Upper, 1e-4);
        Assert.Equal(29.8585, chart.Lower, 1e-4);
        Assert.Equal("above the upper limit", chart.Signals[^1]);
        Assert.All(chart.Signals.Take(11), s => Assert.Null(s));
    }

    [Fact]
    public void Of_SevenRising_IsFlagged()
    {
        var chart = XmrChart.Of([10, 11, 12, 13, 14, 15, 16, 12, 11]);

        Assert.Contains("7 rising or falling in a row", chart.Signals[6], StringComparison.Ordinal);
    }

    [Fact]
    public void PoissonLimits_AroundTheExpectedCount()
    {
        Assert.Equal(1, PoissonLimits.Compare(30, 15));
        Assert.Equal(-1, PoissonLimits.Compare(5, 15));
        Assert.Equal(0, PoissonLimits.Compare(15, 15));
        var (lower, upper) = PoissonLimits.Around(15);
        Assert.Equal(0, PoissonLimits.Compare(lower, 15));
        Assert.Equal(0, PoissonLimits.Compare(upper, 15));
        Assert.Equal(-1, PoissonLimits.Compare(lower - 1, 15));
        Assert.Equal(1, PoissonLimits.Compare(upper + 1, 15));
    }
}
