namespace Csa.Statistics.Tests;

/// <summary>Reference values of METHODS.md 1.1 (PHEindicatormethods phe_rate), to 1e-6.</summary>
public class PoissonIntervalTests
{
    const double Tolerance = 1e-6;

    [Theory]
    [InlineData(10, 0.95, 4.787450, 18.391459)]
    [InlineData(65, 0.95, 50.163188, 82.849139)]
    [InlineData(1045, 0.95, 982.593202, 1110.331213)]
    [InlineData(10, 0.998, 2.916318, 24.193725)]
    [InlineData(65, 0.998, 42.880261, 94.000291)]
    [InlineData(1045, 0.998, 947.940704, 1148.806161)]
    public void Byars_MatchesTheReference(long count, double confidence, double lower, double upper)
    {
        var interval = PoissonInterval.Byars(count, confidence);

        Assert.Equal(lower, interval.Lower, Tolerance);
        Assert.Equal(upper, interval.Upper, Tolerance);
        Assert.Equal("Byars", interval.Method);
    }

    [Theory]
    [InlineData(0, 0.95, 0, 3.688879)]
    [InlineData(1, 0.95, 0.025318, 5.571643)]
    [InlineData(2, 0.95, 0.242209, 7.224688)]
    [InlineData(3, 0.95, 0.618672, 8.767273)]
    [InlineData(5, 0.95, 1.623486, 11.668332)]
    [InlineData(9, 0.95, 4.115373, 17.084803)]
    [InlineData(0, 0.998, 0, 6.907755)]
    [InlineData(1, 0.998, 0.001001, 9.233413)]
    public void Exact_MatchesTheReference(long count, double confidence, double lower, double upper)
    {
        var interval = PoissonInterval.Exact(count, confidence);

        Assert.Equal(lower, interval.Lower, Tolerance);
        Assert.Equal(upper, interval.Upper, Tolerance);
    }

    [Fact]
    public void ForCount_UsesByarsFromTenAndExactBelow()
    {
        Assert.Equal("Exact", PoissonInterval.ForCount(9).Method);
        Assert.Equal("Byars", PoissonInterval.ForCount(10).Method);
    }

    [Theory]
    [InlineData(82, 100, 100000, 82000, 65214.91, 101784.84)]
    [InlineData(9, 100, 100000, 9000, 4115.37, 17084.80)]
    [InlineData(48, 10000, 100000, 480, 353.88, 636.42)]
    [InlineData(114, 10000, 1000, 11.4, 9.40, 13.70)]
    public void Rate_WorkedRows(long count, double population, double multiplier, double value, double lower, double upper)
    {
        var rate = Rate.Of(count, population, multiplier);

        // The reference gives the limits to two decimals; 13.70 there is Byar's 13.69499…, rounded via 13.695.
        Assert.Equal(value, rate.Value, 1e-9);
        Assert.Equal(lower, rate.Interval.Lower, 0.0051);
        Assert.Equal(upper, rate.Interval.Upper, 0.0051);
    }

    [Fact]
    public void Rate_ZeroPopulationOrNegativeCount_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Of(5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Of(-1, 100));
    }
}
