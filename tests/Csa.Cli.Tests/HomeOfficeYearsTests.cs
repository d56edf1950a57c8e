using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa years --source prc</c>: the long run from the Home Office's real force-level table and ONS's district
/// estimates in ../shared/data (they must be there, as they are in CI).</summary>
public sealed class HomeOfficeYearsTests
{
    static string Shared(params string[] parts) =>
        Path.Combine([TestPaths.SharedData ?? throw new InvalidOperationException("../shared/data is not beside the repository."), .. parts]);

    [Fact]
    public async Task TheLongRun_HasEachYearsRate_APartialLastYear_AndALikeForLikeChange()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", Shared("geography", "lad19-csp19-pfa19.csv"))).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "prc", Shared("prc", "prc-pfa-2012-13_to_2023-24q1.csv"))).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "population", Shared("population", "lad23-population-mid2011-2023.csv"))).ExitCode);

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
}
