using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa compare --source prc</c> on the Home Office's real force-level table in ../shared/data (it must be there, as
/// it is in CI): the one comparison engine's pairing, exposure and test, by the Home Office's own groups.</summary>
public sealed class HomeOfficeCompareTests
{

    [Fact]
    public async Task TwoFinancialYears_AreCompared_WholeQuarters_LikeForLike()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", TestPaths.DistrictHierarchy)).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "prc", TestPaths.SharedFile("prc", "prc-pfa-2012-13_to_2023-24q1.csv"))).ExitCode);

        var years = await CsaProcess.RunAsync(scratch, "compare", "--source", "prc", "--area", "E23000023", "--period", "FY2017/18", "--vs", "FY2022/23", "--json", scratch.File("years.json"));
        var partial = await CsaProcess.RunAsync(scratch, "compare", "--source", "prc", "--area", "E23000023", "--period", "FY2022/23", "--vs", "FY2023/24", "--json", scratch.File("partial.json"));
        var notQuarters = await CsaProcess.RunAsync(scratch, "compare", "--source", "prc", "--area", "E23000023", "--period", "2019-05..2019-07", "--vs", "2020-05..2020-07");

        Assert.True(years.ExitCode == 0, years.Error);
        using var table = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("years.json")));
        var total = table.RootElement.EnumerateArray().First();
        Assert.Equal("Total recorded crime (excluding fraud)", total.GetProperty("Category").GetString());
        Assert.Equal(66_159, total.GetProperty("2017-04..2018-03").GetInt64());
        Assert.Equal(71_511, total.GetProperty("2022-04..2023-03").GetInt64());
        Assert.Equal(8.1, total.GetProperty("Apparent change").GetDouble());
        Assert.DoesNotContain(table.RootElement.EnumerateArray(), r => r.GetProperty("Category").GetString()!.Trim() == "Fraud offences");

        Assert.True(partial.ExitCode == 0, partial.Error);
        using var q1 = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("partial.json")));
        Assert.Equal(18_302, q1.RootElement.EnumerateArray().First().GetProperty("2023-04..2024-03").GetInt64());
        Assert.Contains("2022/23 Q1 against 2023/24 Q1", System.Text.RegularExpressions.Regex.Replace(partial.Output, @"\s+", " "), StringComparison.Ordinal);

        Assert.Equal(ExitCodes.BadQuery, notQuarters.ExitCode);
        Assert.Contains("the Home Office tables count by quarter", notQuarters.Error, StringComparison.Ordinal);
    }
}
