using Csa.Core.Geography;

namespace Csa.Core.Tests;

public class MergedCouncilsTests
{
    // Estimates as ONS publishes them now: Buckinghamshire (E06000060) in place of its four 2019 districts. SYNTHETIC values.
    static double? Estimate(string code) => code switch
    {
        "E06000060" => 500.0,
        "E06000039" => 150.0, // Slough, unchanged since 2019
        _ => null,
    };

    [Fact]
    public void AMergedCouncil_CountsOnceForItsFormerDistrictsTogether()
    {
        Assert.Equal(650.0, MergedCouncils.Total(["E07000004", "E07000005", "E07000006", "E07000007", "E06000039"], Estimate));
        Assert.Equal("E06000060", MergedCouncils.Successor("E07000005"));
        Assert.Equal(4, MergedCouncils.Former("E06000060").Count);
    }

    [Fact]
    public void PartOfAMergedCouncil_OrADistrictWithNoEstimate_OrNoDistricts_HasNoTotal()
    {
        Assert.Null(MergedCouncils.Total(["E07000004", "E07000005"], Estimate));
        Assert.Null(MergedCouncils.Total(["E06000039", "E07000011"], Estimate));
        Assert.Null(MergedCouncils.Total([], Estimate));
    }
}
