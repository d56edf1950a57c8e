using Csa.Core.Geography;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Yearly denominators from ONS's district estimates (../shared/data/population, real; they must be there, as they
/// are in CI): the workbook and its long CSV read alike, and a partnership's or force's population in a year is the sum of its
/// districts, a council merged since 2019 counting once for its former districts together.</summary>
public sealed class DistrictPopulationTests
{

    [Fact]
    public async Task EveryForceArea_HasAPopulationEveryYear_TheSumOfItsDistricts()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", Path.Combine(TestPaths.SharedData!, "geography", "lad19-csp19-pfa19.csv"))).ExitCode);
        var imported = await CsaProcess.RunAsync(scratch, "import", "population", TestPaths.SharedFile("population", "lad23-population-mid2011-2023.csv"));
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("district population estimates for 318 districts, mid-2011 to mid-2023", imported.Output, StringComparison.Ordinal);

        await using var store = await DuckDbStore.OpenAsync(scratch.File("csa.duckdb"), TimeProvider.System);
        var forces = await store.GetAreasAsync(AreaLevel.ForceArea);
        var missing = new List<string>();
        var england2021 = 0.0;
        foreach (var force in forces)
        {
            var years = await store.GetPopulationAsync(force);
            if (!Enumerable.Range(2011, 13).All(years.ContainsKey))
            {
                missing.Add($"{force.Name}: {string.Join(", ", years.Keys)}");
            }

            england2021 += years.GetValueOrDefault(2021);
        }

        Assert.Equal(43, forces.Count);
        Assert.Empty(missing);
        Assert.Equal(59_660_524, england2021); // ONS's England and Wales total for mid-2021: the 43 force areas cover it exactly
        var huntingdonshire = await store.GetPopulationAsync((await store.FindAreasAsync("Huntingdonshire")).Single());
        Assert.Equal(176_743, huntingdonshire[2017]);
        // Newcastle upon Tyne's partnership: one district, so its population is the district's.
        var newcastle = await store.GetPopulationAsync((await store.FindAreasAsync("E22000245")).Single());
        Assert.Equal(279_092, newcastle[2011]);

        // Thames Valley holds Buckinghamshire's four former districts: the council's estimate counts once.
        var thamesValley = await store.GetPopulationAsync(forces.Single(f => f.Name == "Thames Valley"));
        var districts = File.ReadLines(Path.Combine(TestPaths.SharedData!, "geography", "lad19-csp19-pfa19.csv")).Where(l => l.EndsWith(",Thames Valley", StringComparison.Ordinal)).Select(l => l.Split(',')[1]).ToArray();
        var (estimates, _) = await Ingest.Population.DistrictPopulationReader.ReadAsync(TestPaths.SharedFile("population", "lad23-population-mid2011-2023.csv"));
        var byCode = estimates.Where(e => e.Year == 2021).ToDictionary(e => e.Code, e => e.Population);
        var expected = districts.Where(byCode.ContainsKey).Sum(d => byCode[d]) + byCode["E06000060"];
        Assert.Equal(expected, thamesValley[2021]);
        Assert.Contains("E07000004", districts);
    }

    [Fact]
    public async Task TheWorkbook_ReadsTheSameAsItsLongCsv()
    {
        var (fromCsv, _) = await Ingest.Population.DistrictPopulationReader.ReadAsync(TestPaths.SharedFile("population", "lad23-population-mid2011-2023.csv"));
        var (fromWorkbook, _) = await Ingest.Population.DistrictPopulationReader.ReadAsync(TestPaths.SharedFile("population", "ons-mye23-lad-population-mid2011-2023.xlsx"));

        Assert.Equal(318 * 13, fromCsv.Count);
        Assert.Equal(fromCsv.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Year).Select(e => (e.Code, e.Year, e.Population)),
            fromWorkbook.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Year).Select(e => (e.Code, e.Year, e.Population)));
    }
}
