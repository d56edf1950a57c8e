namespace Csa.Analysis.Tests;

/// <summary>How a cell reads on screen and in the documents (one rule for both): the figures people compare with the
/// csv and xlsx files, where the same cell is a plain number.</summary>
public class ResultTableCellTests
{
    [Fact]
    public void CellText_NoFigure_IsEmpty_NeverZero() => Assert.Equal(string.Empty, ResultTable.CellText(null));

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(987L, "987")]
    [InlineData(1234567L, "1,234,567")]
    [InlineData(-4321L, "-4,321")]
    public void CellText_WholeNumber_HasThousandsSeparated(long cell, string expected) =>
        Assert.Equal(expected, ResultTable.CellText(cell));

    [Theory]
    [InlineData(1234.5, "1,234.5")]
    [InlineData(0.0625, "0.0625")]
    [InlineData(2.718281828, "2.7183")]
    [InlineData(12.0, "12")]
    public void CellText_OtherNumber_HasAtMostFourDecimals(double cell, string expected) =>
        Assert.Equal(expected, ResultTable.CellText(cell));

    [Fact]
    public void CellText_FormattedNumber_IsItsText_NotItsValue() =>
        Assert.Equal("+ 11.3%", ResultTable.CellText(FormattedNumber.PercentChange(2659, 2959)));

    [Fact]
    public void CellText_Text_IsUnchanged() => Assert.Equal("Violence and sexual offences", ResultTable.CellText("Violence and sexual offences"));

    [Fact]
    public void IsNumber_NumbersAndFormattedNumbers_NotTextOrNoFigure()
    {
        Assert.True(ResultTable.IsNumber(3L));
        Assert.True(ResultTable.IsNumber(0.5));
        Assert.True(ResultTable.IsNumber(FormattedNumber.PValue(0.0004)));
        Assert.False(ResultTable.IsNumber("3"));
        Assert.False(ResultTable.IsNumber(null));
    }
}
