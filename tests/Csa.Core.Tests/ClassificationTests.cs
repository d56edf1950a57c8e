using Csa.Core.Classification;

namespace Csa.Core.Tests;

public class ClassificationTests
{
    [Theory]
    [InlineData("4/4", "4.4", "Death or serious injury caused by unlawful driving")]
    [InlineData("8n", "8N", "Violence with injury")]
    [InlineData(" 105A ", "105A", "Violence without injury")]
    [InlineData("8L", "8L", "Stalking and harassment")]
    [InlineData("28E", "28E", "Residential burglary")]
    [InlineData("1", "1", "Homicide")]
    public void TryFind_HocrCodeWrittenEitherWay_FindsItsSubgroup(string written, string code, string subgroup)
    {
        Assert.True(OffenceCodes.TryFind(written, out var offence));
        Assert.Equal(code, offence.Code);
        Assert.Equal(subgroup, offence.Subgroup);
    }

    [Fact]
    public void TryFind_UnknownCode_Fails() => Assert.False(OffenceCodes.TryFind("8X", out _));

    [Fact]
    public void Codes_AreUniqueAndFraudHasNoPoliceUkType()
    {
        Assert.Equal(OffenceCodes.All.Count, OffenceCodes.All.Select(c => c.Code).Distinct().Count());
        Assert.All(OffenceCodes.All.Where(c => c.Group == "Fraud offences"), c => Assert.Null(c.PoliceUkType));
        Assert.All(OffenceCodes.All.Where(c => c.Group != "Fraud offences"), c => Assert.Contains(c.PoliceUkType, PoliceUk.PoliceUkCrimeTypes.Crimes));
    }

    [Fact]
    public void FinancialYear_TurnsOnTheFirstOfApril()
    {
        Assert.Equal("2015/16", FinancialYear.Of(new Month(2016, 3)).ToString());
        Assert.Equal("2016/17", FinancialYear.Of(new Month(2016, 4)).ToString());
        Assert.Equal(Period.Parse("2015-04..2016-03"), new FinancialYear(2015).Period);
        Assert.Equal("1999/00", new FinancialYear(1999).ToString());
    }

    [Theory]
    [InlineData("2016", "2016-01..2016-12")]
    [InlineData("FY2015/16", "2015-04..2016-03")]
    [InlineData("fy1999/00", "1999-04..2000-03")]
    public void PeriodParse_YearsAndFinancialYears(string text, string expected) =>
        Assert.Equal(expected, Period.Parse(text).ToString());

    [Theory]
    [InlineData("FY2015/17", "does not run from one year into the next (write FY2015/16)")]
    [InlineData("FY15/16", "is not a financial year: write FY followed by the two years")]
    [InlineData("16", "is not a period")]
    public void PeriodParse_BadYears_SayWhy(string text, string reason)
    {
        Assert.False(Period.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
