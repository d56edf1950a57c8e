using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>One comparison engine: csa compare, the assessment document and the atlas give the same counts and the same
/// p-value for the same comparison (Newcastle upon Tyne, all crime, 2021 against 2022, across Northumbria's missing January).</summary>
public sealed class OneComparisonEngineTests : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    public Task InitializeAsync() => CsaProcess.ImportNorthumbriaAsync(_scratch);

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Cli_Report_AndAtlas_GiveTheSamePValue()
    {
        // The CLI.
        var compare = await CsaProcess.RunAsync(_scratch, "compare", "--area", "Newcastle upon Tyne", "--period", "2021", "--vs", "2022", "--tree", "police-uk", "--json", "compare.json");
        Assert.True(compare.ExitCode == 0, compare.Error);
        using var table = JsonDocument.Parse(await File.ReadAllTextAsync(_scratch.File("compare.json")));
        var row = table.RootElement.EnumerateArray().Single(r => r.GetProperty("Category").GetString() == "All crime");
        var cli = (row.GetProperty("2021-01..2021-12").GetInt64(), row.GetProperty("2022-01..2022-12").GetInt64(), row.GetProperty("p-value").GetDouble());
        Assert.Equal(7.4, row.GetProperty("Apparent change").GetDouble());
        Assert.Contains("left out: 2021-01, 2022-01", compare.Output, StringComparison.Ordinal);

        // The document.
        var report = await CsaProcess.RunAsync(_scratch, "report", Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "report-northumbria-newcastle.json"), "--out", "report");
        Assert.True(report.ExitCode == 0, report.Error);
        using var sidecar = JsonDocument.Parse(await File.ReadAllTextAsync(_scratch.File("report/report.json")));
        var finding = sidecar.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "all-crime");
        var data = finding.GetProperty("values");
        var document = (data.GetProperty("earlier").GetInt64(), data.GetProperty("later").GetInt64(), data.GetProperty("pValue").GetDouble());
        Assert.Contains("2022-02..2022-12", finding.GetProperty("sentence").GetString(), StringComparison.Ordinal);

        // The atlas, as a real server.
        await using (var server = await RunningAtlas.StartAsync(_scratch))
        {
            var http = server.Http;
            using var answer = JsonDocument.Parse(await http.GetStringAsync("/api/compare?area=Newcastle%20upon%20Tyne&current=2022&previous=2021&category=All%20crime"));
            var root = answer.RootElement;
            var atlas = (root.GetProperty("previousCrimes").GetInt64(), root.GetProperty("currentCrimes").GetInt64(), root.GetProperty("pValue").GetDouble());

            Assert.Equal((31_624L, 33_963L), (cli.Item1, cli.Item2));
            Assert.Equal(cli, document);
            Assert.Equal(cli, atlas);
            Assert.Equal("+ 7.4%", root.GetProperty("apparentChange").GetString());
        }
    }

    [Fact]
    public async Task Compare_DecemberAgainstTheMissingJanuary_SaysNotHeld_WithNoStackTrace()
    {
        var result = await CsaProcess.RunAsync(_scratch, "compare", "--area", "Newcastle upon Tyne", "--period", "2021-12", "--vs", "2022-01", "--tree", "police-uk");

        Assert.Equal(ExitCodes.BadQuery, result.ExitCode);
        Assert.StartsWith("error: Not held: no month of 2022-01 (the later period)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }
}
