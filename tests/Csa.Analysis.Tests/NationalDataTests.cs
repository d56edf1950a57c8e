using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Analysis.Tests;

/// <summary>The real national July–September 2019 files of ../shared/data, when they are there (skipped otherwise).</summary>
public class NationalDataTests
{
    [SkippableFact]
    public async Task Quality_NationalQuarter_ReportsTheMissingForcesAsMissingNotZero()
    {
        var shared = TestPaths.SharedData;
        Skip.If(shared is null, "../shared/data is not beside the repository: the national files are not there.");
        var national = Path.Combine(shared!, "police-uk", "national-2019-q3");
        Skip.IfNot(Directory.Exists(national), $"{national} is not there.");
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await DuckDbStore.OpenAsync(scratch.File("national.duckdb"), TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await store.ImportGeographyAsync(lookup, source);
        }

        var imported = await new PoliceUkImporter(store).ImportAsync([national]);
        var table = await new DataQualityReport(store).BuildAsync(null);

        // The republished archives hold 40 or 41 forces a month: Thames Valley lacks July, British Transport Police September.
        Assert.Equal(121, imported.StreetFiles);
        Assert.Equal(121, table.Rows.Count);
        Assert.Contains("thames-valley: holds 2019-08..2019-09 while most forces hold 2019-07..2019-09; not held: 2019-07.", table.Notes);
        Assert.Contains("btp: holds 2019-07..2019-08 while most forces hold 2019-07..2019-09; not held: 2019-09.", table.Notes);
        Assert.Equal("41 forces held, 2019-07 to 2019-09; 41 of them with no gap.", table.Notes[0]);
        var missing = Assert.Single(table.Notes, n => n.StartsWith("No data is held for 4 of the 43 territorial forces", StringComparison.Ordinal));
        foreach (var force in new[] { "Metropolitan Police Service", "West Midlands Police", "West Yorkshire Police", "Greater Manchester Police" })
        {
            Assert.Contains(force, missing, StringComparison.Ordinal);
        }
    }
}
