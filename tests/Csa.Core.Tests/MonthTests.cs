namespace Csa.Core.Tests;

public class MonthTests
{
    [Theory]
    [InlineData("2019-07", 2019, 7)]
    [InlineData("2022-01", 2022, 1)]
    [InlineData("1999-12", 1999, 12)]
    public void Parse_ValidText_GivesYearAndMonth(string text, int year, int month)
    {
        var parsed = Month.Parse(text);

        Assert.Equal(new Month(year, month), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("2019-7")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("19-07")]
    [InlineData("2019/07")]
    [InlineData(" 2019-07")]
    [InlineData("")]
    public void TryParse_InvalidText_Fails(string text)
    {
        Assert.False(Month.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Month.Parse(text));
    }

    [Fact]
    public void AddMonths_AcrossYearEnd_RollsTheYear()
    {
        Assert.Equal(new Month(2022, 1), new Month(2021, 12).AddMonths(1));
        Assert.Equal(new Month(2021, 12), new Month(2022, 1).AddMonths(-1));
        Assert.Equal(13, new Month(2023, 2).MonthsSince(new Month(2022, 1)));
    }

    [Fact]
    public void Comparison_OrdersByTime()
    {
        Assert.True(new Month(2019, 12) < new Month(2020, 1));
        Assert.True(new Month(2020, 1) >= new Month(2020, 1));
        Assert.Equal(-1, new Month(2019, 7).CompareTo(new Month(2019, 8)));
    }

    [Fact]
    public void Constructor_MonthOutOfRange_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Month(2019, 13));
        Assert.Equal("monthOfYear", error.ParamName);
    }
}
