using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;

namespace Csa.Core.Tests;

public class VocabularyTests
{
    [Fact]
    public void CrimeTypes_AreDataPoliceUksFourteen_WithAntiSocialBehaviourApart()
    {
        Assert.Equal(14, PoliceUkCrimeTypes.All.Count);
        Assert.Equal(13, PoliceUkCrimeTypes.Crimes.Count);
        Assert.DoesNotContain(PoliceUkCrimeTypes.AntiSocialBehaviour, PoliceUkCrimeTypes.Crimes);
        Assert.True(PoliceUkCrimeTypes.IsKnown("Violence and sexual offences"));
        Assert.False(PoliceUkCrimeTypes.IsKnown("violence and sexual offences"));
        Assert.False(PoliceUkCrimeTypes.IsKnown("Violent crime"));
    }

    [Fact]
    public void Forces_CoverTheFortyThreeTerritorialForcesOnce()
    {
        Assert.Equal(43, PoliceForces.Territorial.Count);
        Assert.Equal(43, PoliceForces.Territorial.Select(f => f.PoliceForceAreaCode).Distinct().Count());
        Assert.True(PoliceForces.TryGetBySlug("cambridgeshire", out var force));
        Assert.Equal("E23000023", force.PoliceForceAreaCode);
    }

    [Theory]
    [InlineData("E01019174", true)]
    [InlineData("W01000001", true)]
    [InlineData("E01035123", true)]
    [InlineData("E0101917", false)]
    [InlineData("E02000001", false)]
    [InlineData("S01000001", false)]
    [InlineData("e01019174", false)]
    public void LsoaCodes_CheckTheShape(string code, bool valid) =>
        Assert.Equal(valid, LsoaCodes.HasValidShape(code));

    [Fact]
    public void ImportException_ListsTwentyIssues_ThenCountsTheRest()
    {
        var issues = Enumerable.Range(2, 25).Select(line => new ImportIssue("f.csv", line, "bad")).ToArray();

        var message = new CsaImportException(issues).Message;

        Assert.Contains("25 problems", message, StringComparison.Ordinal);
        Assert.Contains("f.csv:21: bad", message, StringComparison.Ordinal);
        Assert.DoesNotContain("f.csv:22: bad", message, StringComparison.Ordinal);
        Assert.Contains("and 5 more problems", message, StringComparison.Ordinal);
    }
}
