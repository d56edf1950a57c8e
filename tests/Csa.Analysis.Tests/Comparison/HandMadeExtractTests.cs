using Csa.Analysis.Comparison;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Ingest.Extract;
using Csa.Ingest.Geography;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Analysis.Tests.Comparison;

/// <summary>Arithmetic on a tiny hand-made (synthetic) extract whose every count is known.</summary>
public class HandMadeExtractTests
{
    const string Mapping = """
        { "synthetic": true, "columns": { "crimeReference": "Ref", "recordedDate": "Date", "offenceCode": "HO", "lsoa": "LSOA" } }
        """;

    static readonly string[] Crimes =
    [
        "Ref,Date,HO,LSOA",
        "A1,2015-04-01,105A,E01018181",
        "A2,2015-06-10,105A,E01018181",
        "A3,2015-06-11,105A,E01018181",
        "A4,2015-06-12,8L,E01018181",
        "A5,2015-06-13,8R,E01018181",
        "A6,2016-03-31,8N,E01018181",
        "A7,2016-04-01,8N,E01018181",
        "A8,2016-07-01,105A,E01018181",
        "A9,2016-07-02,8L,E01018181",
        "A10,2017-03-31,58A,E01018181",
    ];

    static async Task<(DuckDbStore Store, ScratchFolder Scratch)> StoreAsync()
    {
        var scratch = TestPaths.NewScratchFolder();
        var store = await DuckDbStore.OpenAsync(scratch.File("hand.duckdb"), TimeProvider.System);
        var (lookup, source) = await GeographyLookupReader.ReadAsync(TestPaths.LsoaWardDistrict);
        await store.ImportGeographyAsync(lookup, source);
        await File.WriteAllLinesAsync(scratch.File("synthetic-hand-made.csv"), Crimes);
        await File.WriteAllTextAsync(scratch.File("map.json"), Mapping);
        await new ExtractImporter(store).ImportAsync(scratch.File("synthetic-hand-made.csv"), scratch.File("map.json"));
        return (store, scratch);
    }

    [Fact]
    public async Task Years_FinancialYearBoundaries_PutTheThirtyFirstOfMarchAndTheFirstOfAprilInDifferentYears()
    {
        var (store, scratch) = await StoreAsync();
        using (scratch)
        await using (store)
        {
            var area = await new AreaResolver(store).ResolveAsync("Huntingdonshire");

            var table = await new YearlyBreakdown(store).BuildAsync(new YearsQuery(area, CategoryTrees.Load("ons"), "Violence with injury"));

            Assert.Equal(["2015/16", 1L, 12L], table.Rows[0]);
            Assert.Equal(["2016/17", 1L, 12L], table.Rows[1]);
            Assert.Equal("0.0%", Shown.Cell(table.Rows[3][1]));
        }
    }

    [Fact]
    public async Task Compare_Exclusion_RemovesExactlyTheNamedSubcategory()
    {
        var (store, scratch) = await StoreAsync();
        using (scratch)
        await using (store)
        {
            var area = await new AreaResolver(store).ResolveAsync("Huntingdonshire");
            var comparison = new PeriodComparison(store);

            var all = await comparison.BuildAsync(area, Period.Parse("FY2015/16"), Period.Parse("FY2016/17"), CategoryTrees.Load("seed"), []);
            var excluded = await comparison.BuildAsync(area, Period.Parse("FY2015/16"), Period.Parse("FY2016/17"), CategoryTrees.Load("seed"), ["Stalking and harassment"]);

            Assert.Equal(["Violence without injury", 5L, 2L, -3L, "- 60.0%"], Shown.Cells(all.Rows.Single(r => Equals(r[0], "Violence without injury")).Take(5)));
            Assert.Equal(["Violence without injury", 3L, 1L, -2L, "- 66.7%"], Shown.Cells(excluded.Rows.Single(r => Equals(r[0], "Violence without injury")).Take(5)));
            Assert.Equal(["All Crime", 4L, 3L, -1L, "- 25.0%"], Shown.Cells(excluded.Rows[0].Take(5)));
            Assert.Equal(["Child Sexual Abuse", 0L, 0L, 0L, "No Calc"], Shown.Cells(all.Rows.Single(r => Equals(r[0], "Child Sexual Abuse")).Take(5)));
        }
    }

    [Fact]
    public async Task ImportAsync_SameExtractTwice_UpdatesAndNeverDoubleCounts()
    {
        var (store, scratch) = await StoreAsync();
        using (scratch)
        await using (store)
        {
            var (result, crimes) = await new ExtractImporter(store).ImportAsync(scratch.File("synthetic-hand-made.csv"), scratch.File("map.json"));

            Assert.Equal(10, crimes);
            Assert.Equal(0, result.Added);
            Assert.Equal(10, result.Updated);
            Assert.Equal(10, (await store.GetTableCountsAsync())["extract_crime"]);
        }
    }
}
