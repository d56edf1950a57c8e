using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa msg --table</c>: an analyst's comparison table (SYNTHETIC figures, in the shape iQuanta exports) ranked as
/// given, with both averages computed by hand.</summary>
public sealed class ComparisonTableTests
{
    [Fact]
    public async Task AComparisonTable_IsRankedAsGiven_WithBothAverages()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy)).ExitCode);
        await File.WriteAllTextAsync(scratch.File("iquanta.csv"), "Area,Crimes,Population\nHuntingdonshire,\"1,500\",180000\nE07000008,2400,125000\nFenland,1900,102000\nEast Cambridgeshire,700,90000\n");

        var result = await CsaProcess.RunAsync(scratch, "msg", "--area", "Huntingdonshire", "--table", "iquanta.csv", "--category", "Violence against the person", "--period", "FY2022/23", "--json", scratch.File("msg.json"));
        var neither = await CsaProcess.RunAsync(scratch, "msg", "--area", "Huntingdonshire", "--category", "All crime", "--period", "2022");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("msg.json")));
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("Code").GetString()!);
        Assert.Equal(1_500, rows["E07000011"].GetProperty("Crimes").GetInt64());
        Assert.Equal(3, rows["E07000011"].GetProperty("Rank").GetInt64()); // 19.2 (Cambridge) > 18.6 (Fenland) > 8.3 > 7.8
        var text = System.Text.RegularExpressions.Regex.Replace(result.Output + result.Error, @"\s+", " ");
        var weighted = (1_500 + 2_400 + 1_900 + 700) / (180_000 + 125_000 + 102_000 + 90_000.0) * 1000;
        var simple = (1_500 / 180.0 + 2_400 / 125.0 + 1_900 / 102.0 + 700 / 90.0) / 4;
        Assert.Contains($"including the area itself: {weighted:0.00} per 1,000", text, StringComparison.Ordinal);
        Assert.Contains($"is {simple:0.00} per 1,000", text, StringComparison.Ordinal);
        Assert.Contains("the analyst's comparison table iquanta.csv", text, StringComparison.Ordinal);
        Assert.Contains("Give one of --group FILE", neither.Error, StringComparison.Ordinal);
    }
}
