using System.Globalization;
using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa severity</c> on the real Home Office table, ONS weights and ONS district estimates in ../shared/data (they
/// must be there, as they are in CI), against a computation by hand in the test.</summary>
public sealed class SeverityCommandTests
{

    [Fact]
    public async Task CambridgeshiresScore_For2017To18_IsTheHandComputation()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await CsaProcess.ImportHomeOfficeAsync(scratch);

        var result = await CsaProcess.RunAsync(scratch, "severity", "--area", "Cambridgeshire", "--from", "2017/18", "--to", "2017/18", "--json", scratch.File("severity.json"));

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("severity.json")));
        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(66_159, row.GetProperty("Offences (excluding fraud)").GetInt64());

        // By hand: the force's 2017/18 rows (fraud left out) times ONS's weights, over the sum of its districts' mid-2017 estimates.
        var weights = (await File.ReadAllLinesAsync(TestPaths.SharedFile("reference", "ons-crime-severity-weights.csv"))).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => double.Parse(f[^1], CultureInfo.InvariantCulture));
        var (_, rows, _) = await Ingest.Official.RecordedCrimeTableReader.ReadAsync(TestPaths.SharedFile("prc", "prc-pfa-2012-13_to_2023-24q1.csv"));
        var weighted = rows.Where(r => r.Area == "Cambridgeshire" && r.Year.StartYear == 2017 && r.OffenceGroup != "Fraud offences")
            .Sum(r => r.Count * weights.GetValueOrDefault(r.OffenceCode));
        var districts = File.ReadLines(TestPaths.SharedFile("geography", "lad19-csp19-pfa19.csv")).Where(l => l.EndsWith(",Cambridgeshire", StringComparison.Ordinal)).Select(l => l.Split(',')[1]).ToHashSet();
        var population = File.ReadLines(TestPaths.SharedFile("population", "lad23-population-mid2011-2023.csv")).Select(l => l.Split(','))
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

    [Fact]
    public async Task ALocalExtract_IsScoredByItsOffenceCodes_OverWholeQuartersOnly()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy)).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "population", Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"))).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "synth", "extract", "--area", "Huntingdonshire", "--seed", "5", "--out", "synthetic")).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "extract", "synthetic/synthetic-extract.csv", "--mapping", "synthetic/synthetic-extract-mapping.json")).ExitCode);

        var result = await CsaProcess.RunAsync(scratch, "severity", "--source", "extract", "--area", "Huntingdonshire", "--from", "2015/16", "--to", "2015/16", "--json", scratch.File("severity.json"));

        Assert.True(result.ExitCode == 0, result.Error);
        var text = System.Text.RegularExpressions.Regex.Replace(result.Output + result.Error, @"\s+", " ");
        Assert.Contains("(local police extract; SYNTHETIC DATA)", text, StringComparison.Ordinal);
        Assert.Contains("2010/11 Q4, 2016/17 Q4 only in part: those quarters are left out", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("severity.json")));
        var row = Assert.Single(json.RootElement.EnumerateArray());

        // By hand: the extract's 2015/16 crimes in Huntingdonshire (each once) times ONS's weights, over the mid-2015 population.
        var weights = (await File.ReadAllLinesAsync(Path.Combine(TestPaths.Sample, "reference", "ons-crime-severity-weights.csv"))).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => double.Parse(f[^1], CultureInfo.InvariantCulture));
        await using var store = await Storage.DuckDb.DuckDbStore.OpenAsync(scratch.File("csa.duckdb"), TimeProvider.System);
        var area = (await store.FindAreasAsync("Huntingdonshire")).Single();
        var crimes = (await store.CountExtractAsync(area, Core.Period.Parse("FY2015/16"))).Where(r => r.Marker is null).ToArray();
        var population = (await store.GetPopulationAsync(area))[2015];
        var weighted = crimes.Sum(r => r.Count * weights.GetValueOrDefault(r.OffenceCode));
        Assert.Equal(crimes.Sum(r => r.Count), row.GetProperty("Offences (excluding fraud)").GetInt64());
        Assert.Equal(Math.Round(weighted / population, 2), row.GetProperty("Crime Severity Score").GetDouble());
    }
}
