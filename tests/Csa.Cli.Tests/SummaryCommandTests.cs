using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>The summary and quality commands against a store holding the bundled Cambridgeshire files and lookups.</summary>
public sealed class SummaryCommandTests : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    public async Task InitializeAsync()
    {
        var geography = await CsaProcess.RunAsync(_scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy);
        Assert.Equal(0, geography.ExitCode);
        var crimes = await CsaProcess.RunAsync(_scratch, "import", "police-uk", TestPaths.Cambridgeshire);
        Assert.Equal(0, crimes.ExitCode);
    }

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Summary_FilesHoldExactlyTheTableOnScreen()
    {
        var result = await CsaProcess.RunAsync(_scratch, "summary", "--area", "Huntingdonshire", "--by", "month", "--csv", "s.csv", "--json", "s.json", "--xlsx", "s.xlsx");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("│ 2019-07 │    897 │                   245 │      │", result.Output, StringComparison.Ordinal);
        Assert.Equal(
            ["Month,Crimes,Anti-social behaviour,Note", "2019-07,897,245,", "2019-08,788,253,", "2019-09,768,218,", "Total,2453,716,"],
            await File.ReadAllLinesAsync(_scratch.File("s.csv")));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_scratch.File("s.json")));
        Assert.Equal(2453, json.RootElement[3].GetProperty("Crimes").GetInt64());
        Assert.True(new FileInfo(_scratch.File("s.xlsx")).Length > 0);
    }

    [Fact]
    public async Task Summary_UnknownArea_ExitsWithBadQuery()
    {
        var result = await CsaProcess.RunAsync(_scratch, "summary", "--area", "Atlantis");

        Assert.Equal(ExitCodes.BadQuery, result.ExitCode);
        Assert.Equal("error: No area has the code or name 'Atlantis'. Check the spelling, or give the ONS code (E07000011).", result.Error.Trim());
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Summary_PeriodOutsideTheData_ExitsWithBadQueryAndNoTable()
    {
        var result = await CsaProcess.RunAsync(_scratch, "summary", "--area", "E07000011", "--from", "2015-01", "--to", "2015-12", "--csv", "none.csv");

        Assert.Equal(ExitCodes.BadQuery, result.ExitCode);
        Assert.Contains("Not held: no month of 2015-01..2015-12 is held in the data.police.uk street data for Huntingdonshire", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_scratch.File("none.csv")));
    }

    [Fact]
    public async Task Summary_MalformedMonth_ExitsWithUsage()
    {
        var result = await CsaProcess.RunAsync(_scratch, "summary", "--area", "E07000011", "--from", "Jan-15");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--from 'Jan-15' is not a month: write YYYY-MM", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rates_OnTheSample_UseTheNearestOrTheNamedPopulationYearAndSaySo()
    {
        var population = await CsaProcess.RunAsync(_scratch, "import", "population", Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"));
        var nearest = await CsaProcess.RunAsync(_scratch, "rates", "--area", "Huntingdonshire", "--period", "2019-07..2019-09", "--tree", "police-uk");
        var rates = await CsaProcess.RunAsync(_scratch, "rates", "--area", "Huntingdonshire", "--period", "2019-07..2019-09", "--tree", "police-uk", "--population-year", "2015", "--json", "r.json");

        Assert.Equal(0, population.ExitCode);
        Assert.Contains("mid-2015 population estimates for 32,844 LSOAs", population.Output, StringComparison.Ordinal);
        Assert.Equal(0, nearest.ExitCode);
        Assert.Contains("ONS mid-2015 estimate, 174,190: the nearest held to 2019", nearest.Output, StringComparison.Ordinal);
        Assert.Equal(0, rates.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_scratch.File("r.json")));
        var all = json.RootElement[0];
        Assert.Equal(2453, all.GetProperty("Crimes").GetInt64());
        Assert.Equal(Math.Round(2453 / 174.190, 2), all.GetProperty("Rate per 1,000").GetDouble());
        Assert.Contains("ONS mid-2015 estimate, 174,190, as asked (--population-year)", rates.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_ForHuntingdonshire_ReportsTheForceMonths()
    {
        var result = await CsaProcess.RunAsync(_scratch, "quality", "--area", "Huntingdonshire", "--json", "q.json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_scratch.File("q.json")));
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), row => Assert.Equal("held", row.GetProperty("Status").GetString()));
        Assert.Contains("cambridgeshire: 3 months held, 2019-07 to 2019-09, with no gap.", result.Output, StringComparison.Ordinal);
    }
}
