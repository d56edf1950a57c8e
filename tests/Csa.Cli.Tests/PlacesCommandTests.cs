using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa hotspots</c> and <c>csa pyramid</c> as an analyst runs them, on the real sample (the extract is SYNTHETIC).</summary>
public sealed class PlacesCommandTests
{
    static async Task ImportAsync(ScratchFolder scratch, params string[] args)
    {
        var result = await CsaProcess.RunAsync(scratch, ["import", .. args]);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public async Task Hotspots_WriteEveryLsoaToCsv_AndSayWhatIsMissing()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await ImportAsync(scratch, "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy);
        await ImportAsync(scratch, "police-uk", TestPaths.Cambridgeshire);
        await ImportAsync(scratch, "population", Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"));
        await ImportAsync(scratch, "boundaries", Path.Combine(TestPaths.Sample, "boundaries", "lsoa11", "E07000011.geojson"));

        var hotspots = await CsaProcess.RunAsync(scratch, "hotspots", "--area", "Huntingdonshire", "--period", "2019-07..2019-09", "--category", "Burglary", "--fdr", "--csv", "hot.csv");
        var fenland = await CsaProcess.RunAsync(scratch, "hotspots", "--area", "Fenland", "--period", "2019-07..2019-09");
        var badCategory = await CsaProcess.RunAsync(scratch, "hotspots", "--area", "Huntingdonshire", "--period", "2019-07", "--category", "Violent crime");

        Assert.True(hotspots.ExitCode == 0, hotspots.Error);
        Assert.Contains("Burglary hot spots, 2019-07..2019-09", hotspots.Output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(scratch.File("hot.csv"));
        Assert.Equal("LSOA,Name,Crimes,\"Rate per 1,000\",Neighbours,Gi* z,p,p (FDR adjusted),Class", lines[0]);
        Assert.Equal(105, lines.Skip(1).Count(l => l.StartsWith("E01", StringComparison.Ordinal)));
        Assert.Equal(3, fenland.ExitCode);
        Assert.Contains("csa import boundaries", fenland.Error, StringComparison.Ordinal);
        Assert.Equal(1, badCategory.ExitCode);
    }

    [Fact]
    public async Task Pyramid_OfTheSyntheticExtract_IsLabelled_AndAnUnknownMarkerIsRefused()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await ImportAsync(scratch, "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy);
        var none = await CsaProcess.RunAsync(scratch, "pyramid", "--area", "Huntingdonshire", "--period", "2016");
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "synth", "extract", "--out", "synthetic")).ExitCode);
        await ImportAsync(scratch, "extract", scratch.File("synthetic/synthetic-extract.csv"), "--mapping", scratch.File("synthetic/synthetic-extract-mapping.json"));

        var pyramid = await CsaProcess.RunAsync(scratch, "pyramid", "--area", "Huntingdonshire", "--period", "2016", "--marker", "domestic-abuse", "--xlsx", "pyramid.xlsx");
        var bogus = await CsaProcess.RunAsync(scratch, "pyramid", "--area", "Huntingdonshire", "--period", "2016", "--marker", "arson");

        Assert.Equal(3, none.ExitCode);
        Assert.Contains("No police extract is held", none.Error, StringComparison.Ordinal);
        Assert.True(pyramid.ExitCode == 0, pyramid.Error);
        Assert.Contains("crimes marked Domestic Abuse, 2016-01..2016-12 (SYNTHETIC DATA)", pyramid.Output, StringComparison.Ordinal);
        Assert.Contains("Age not recorded", pyramid.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(scratch.File("pyramid.xlsx")));
        Assert.Equal(1, bogus.ExitCode);
        Assert.Contains("'arson' is not a marker", bogus.Error, StringComparison.Ordinal);
    }
}
