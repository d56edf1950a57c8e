using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa years --source prc</c> and <c>csa msg --source prc</c>: the long run, and the rank in a group, from the Home Office's real force-level table and ONS's district
/// estimates in ../shared/data (they must be there, as they are in CI).</summary>
public sealed class HomeOfficeYearsTests
{

    [Fact]
    public async Task TheLongRun_HasEachYearsRate_APartialLastYear_AndALikeForLikeChange()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await CsaProcess.ImportHomeOfficeAsync(scratch);

        var result = await CsaProcess.RunAsync(scratch, "years", "--source", "prc", "--area", "Cambridgeshire", "--category", "Total recorded crime (excluding fraud)", "--json", scratch.File("years.json"));
        var misuse = await CsaProcess.RunAsync(scratch, "years", "--source", "prc", "--area", "Cambridgeshire", "--category", "Robbery", "--calendar");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("years.json")));
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("Financial year").GetString()!);
        Assert.Equal(66_159, rows["2017/18"].GetProperty("Offences").GetInt64());
        Assert.Equal(869_702, rows["2017/18"].GetProperty("Population").GetInt64());
        Assert.Equal(Math.Round(66_159 / 869_702.0 * 1000, 2), rows["2017/18"].GetProperty("Rate per 1,000").GetDouble());
        Assert.Equal(1, rows["2023/24 (partial: Q1 only)"].GetProperty("Quarters held").GetInt64());
        Assert.Equal(18_302, rows["2023/24 (partial: Q1 only)"].GetProperty("Offences").GetInt64());
        Assert.Equal(Math.Round(18_302 / (919_082 / 4.0) * 1000, 2), rows["2023/24 (partial: Q1 only)"].GetProperty("Rate per 1,000").GetDouble());
        Assert.True(rows.ContainsKey("Change 2012/13 to 2023/24 (like for like: Q1 of both)"));
        Assert.Contains("significant increase", System.Text.RegularExpressions.Regex.Replace(result.Output + result.Error, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("--calendar", misuse.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForcesRates_AndItsRankInItsGroup_OnTheHomeOfficeTables_AMemberWithNoFigureListedNotRanked()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await CsaProcess.ImportHomeOfficeAsync(scratch);
        await File.WriteAllTextAsync(scratch.File("group.txt"), "E23000023\nE23000026\nE23000024\nE23000025\nE22000016\n");

        var rates = await CsaProcess.RunAsync(scratch, "rates", "--source", "prc", "--area", "Cambridgeshire", "--period", "FY2022/23", "--json", scratch.File("rates.json"));
        Assert.True(rates.ExitCode == 0, rates.Error);
        using (var rateRows = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("rates.json"))))
        {
            var total = rateRows.RootElement.EnumerateArray().First();
            Assert.Equal(71_511, total.GetProperty("Crimes").GetInt64());
            Assert.Equal(Math.Round(71_511 / 907_715.0 * 1000, 2), total.GetProperty("Rate per 1,000").GetDouble());
        }

        var result = await CsaProcess.RunAsync(scratch, "msg", "--source", "prc", "--area", "Cambridgeshire", "--group", "group.txt", "--category", "Violence against the person", "--period", "FY2022/23", "--json", scratch.File("msg.json"));

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("msg.json")));
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("Code").GetString()!);
        Assert.Equal(25_918, rows["E23000023"].GetProperty("Crimes").GetInt64());
        Assert.Equal(Math.Round(25_918 / 907_715.0 * 1000, 2), rows["E23000023"].GetProperty("Rate per 1,000").GetDouble());
        Assert.Equal(3, rows["E23000023"].GetProperty("Rank").GetInt64()); // after Norfolk (32.3) and Suffolk (29.3)
        Assert.Equal(JsonValueKind.Null, rows["E22000016"].GetProperty("Rank").ValueKind);
        Assert.StartsWith("missing: Not held: no Home Office recorded crime is held for Huntingdonshire", rows["E22000016"].GetProperty("Note").GetString(), StringComparison.Ordinal);
    }
}
