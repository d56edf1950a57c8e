namespace Csa.Core.Tests;

public class PeriodTests
{
    [Fact]
    public void Parse_Range_GivesBothEndsAndEveryMonth()
    {
        var period = Period.Parse("2015-01..2015-12");

        Assert.Equal(new Month(2015, 1), period.From);
        Assert.Equal(new Month(2015, 12), period.To);
        Assert.Equal(12, period.MonthCount);
        Assert.Equal(12, period.Months.Distinct().Count());
        Assert.Equal("2015-01..2015-12", period.ToString());
    }

    [Fact]
    public void Parse_SingleMonth_IsOneMonthLong()
    {
        var period = Period.Parse("2019-07");

        Assert.Equal(1, period.MonthCount);
        Assert.Equal("2019-07", period.ToString());
    }

    [Fact]
    public void Parse_Reversed_IsRefusedWithAReason()
    {
        Assert.False(Period.TryParse("2016-12..2016-01", out _, out var error));
        Assert.Contains("ends before it starts", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Create(new Month(2016, 12), new Month(2016, 1)));
    }

    [Theory]
    [InlineData("2015-01..")]
    [InlineData("Jan-15..Dec-15")]
    [InlineData("2015-01...2015-02")]
    public void Parse_Malformed_IsRefused(string text)
    {
        Assert.False(Period.TryParse(text, out _, out var error));
        Assert.Contains("YYYY-MM..YYYY-MM", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_ChecksBothEnds()
    {
        var period = Period.Parse("2019-07..2019-09");

        Assert.True(period.Contains(new Month(2019, 7)));
        Assert.True(period.Contains(new Month(2019, 9)));
        Assert.False(period.Contains(new Month(2019, 10)));
        Assert.False(period.Contains(new Month(2019, 6)));
    }

    [Fact]
    public void Months_UpToTheLastMonthThereIs_AreListedWithoutOverflow()
    {
        var months = Period.Parse("2999-11..2999-12").Months.ToArray();

        Assert.Equal([new Month(2999, 11), new Month(2999, 12)], months);
    }
}
