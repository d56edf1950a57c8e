namespace Csa.Core.Tests;

/// <summary>Reference vectors of METHODS.md 1.2 (period comparison, the Cadet table).</summary>
public class ApparentChangeTests
{
    [Theory]
    [InlineData(16, 25, "+ 56.2%")]
    [InlineData(0, 5, "No Calc")]
    [InlineData(0, 0, "No Calc")]
    [InlineData(4, 0, "- 100.0%")]
    [InlineData(120, 114, "- 5.0%")]
    [InlineData(7416, 8257, "+ 11.3%")]
    [InlineData(17, 43, "+ 152.9%")]
    [InlineData(50, 50, "0.0%")]
    public void Format_ReferenceVectors_AreWrittenAsTheSeedWritesThem(long earlier, long later, string expected) =>
        Assert.Equal(expected, ApparentChange.Format(earlier, later));

    [Fact]
    public void Percent_Midpoint_RoundsToEvenAsR()
    {
        // 16 → 25 is exactly +56.25%: METHODS.md gives +56.2%, as R's round (IEC 60559) does.
        Assert.Equal(56.2m, ApparentChange.Percent(16, 25));
        Assert.Null(ApparentChange.Percent(0, 3));
    }
}
