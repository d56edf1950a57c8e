using Csa.Core;
using Csa.Core.PoliceUk;
using Csa.Ingest.PoliceUk;

namespace Csa.Ingest.Tests.PoliceUk;

public class PoliceUkFileNameTests
{
    [Theory]
    [InlineData("2016-05-cambridgeshire-street.csv", "cambridgeshire", PoliceUkFileKind.Street)]
    [InlineData("2019-07-avon-and-somerset-outcomes.csv", "avon-and-somerset", PoliceUkFileKind.Outcomes)]
    [InlineData("2019-07-cambridgeshire-stop-and-search.csv", "cambridgeshire", PoliceUkFileKind.StopAndSearch)]
    [InlineData("2019-07-city-of-london-street.csv", "city-of-london", PoliceUkFileKind.Street)]
    public void TryParse_DataPoliceUkNames_GivesMonthForceAndKind(string name, string force, PoliceUkFileKind kind)
    {
        Assert.True(PoliceUkFileName.TryParse(name, out var parsed));
        Assert.Equal(force, parsed!.ForceSlug);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(Month.Parse(name[..7]), parsed.Month);
    }

    [Theory]
    [InlineData("street.csv")]
    [InlineData("2019-13-cambridgeshire-street.csv")]
    [InlineData("2019-07-cambridgeshire-street.CSV")]
    [InlineData("2019-07-cambridgeshire.csv")]
    [InlineData("README.md")]
    public void TryParse_OtherNames_Fail(string name) => Assert.False(PoliceUkFileName.TryParse(name, out _));
}
