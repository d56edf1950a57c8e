using System.Globalization;
using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa severity</c> on the real Home Office table, ONS weights and ONS district estimates in ../shared/data (they
/// must be there, as they are in CI), against a computation by hand in the test.</summary>
public sealed class SeverityCommandTests
{
    static string Shared(params string[] parts) =>
        Path.Combine([TestPaths.SharedData ?? throw new InvalidOperationException("../shared/data is not beside the repository."), .. parts]);

    [Fact]
    public async Task CambridgeshiresScore_For2017To18_IsTheHandComputation()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", Shared("geography", "lad19-csp19-pfa19.csv"))).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "prc", Shared("prc", "prc-pfa-2012-13_to_2023-24q1.csv"))).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "population", Shared("population", "lad23-population-mid2011-2023.csv"))).ExitCode);

        var result = await CsaProcess.RunAsync(scratch, "severity", "--area", "Cambridgeshire", "--from", "2017/18", "--to", "2017/18", "--json", scratch.File("severity.json"));

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("severity.json")));
        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(66_159, row.GetProperty("Offences (excluding fraud)").GetInt64());

        // By hand: the force's 2017/18 rows (fraud left out) times ONS's weights, over the sum of its districts' mid-2017 estimates.
        var weights = (await File.ReadAllLinesAsync(Shared("reference", "ons-crime-severity-weights.csv"))).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => double.Parse(f[^1], CultureInfo.InvariantCulture));
        var (_, rows, _) = await Ingest.Official.RecordedCrimeTableReader.ReadAsync(Shared("prc", "prc-pfa-2012-13_to_2023-24q1.csv"));
        var weighted = rows.Where(r => r.Area == "Cambridgeshire" && r.Year.StartYear == 2017 && r.OffenceGroup != "Fraud offences")
            .Sum(r => r.Count * weights.GetValueOrDefault(r.OffenceCode));
        var districts = File.ReadLines(Shared("geography", "lad19-csp19-pfa19.csv")).Where(l => l.EndsWith(",Cambridgeshire", StringComparison.Ordinal)).Select(l => l.Split(',')[1]).ToHashSet();
        var population = File.ReadLines(Shared("population", "lad23-population-mid2011-2023.csv")).Select(l => l.Split(','))
            .Where(f => districts.Contains(f[0]) && f[3] == "2017").Sum(f => double.Parse(f[4], CultureInfo.InvariantCulture));

        Assert.Equal(6, districts.Count);
        Assert.Equal(869_702, population);
        Assert.Equal(Math.Round(weighted / population, 2), row.GetProperty("Crime Severity Score").GetDouble());
        Assert.Contains("Weights: ONS Crime Severity Score weights (data tool edition of about December 2020; 134 offence codes).", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWard_IsNotInTheHomeOfficeTables_AndADistrictIsItsPartnership()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy)).ExitCode);

        var ward = await CsaProcess.RunAsync(scratch, "severity", "--area", "Great Paxton");
        var district = await CsaProcess.RunAsync(scratch, "severity", "--area", "Huntingdonshire");

        Assert.Equal(ExitCodes.BadQuery, ward.ExitCode);
        Assert.Contains("count crime by police force area and by Community Safety Partnership", ward.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadQuery, district.ExitCode);
        Assert.Contains("Not held: no Home Office recorded crime is held for Huntingdonshire (E22000016) at partnership level", district.Error, StringComparison.Ordinal);
    }
}
