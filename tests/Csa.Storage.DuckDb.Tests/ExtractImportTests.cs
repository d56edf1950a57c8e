using Csa.Core.Importing;
using Csa.Ingest.Extract;
using Csa.Tests;

namespace Csa.Storage.DuckDb.Tests;

/// <summary>Bad extracts change nothing. The extracts are small hand-made synthetic files.</summary>
public class ExtractImportTests
{
    const string Mapping = """
        { "synthetic": true,
          "columns": { "crimeReference": "Ref", "recordedDate": "Date", "offenceCode": "HO", "lsoa": "LSOA" },
          "markers": { "domestic-abuse": "DA" } }
        """;

    public static TheoryData<string, string[], string> BadExtracts => new()
    {
        { "missing column", ["Ref,Date,HO,LSOA", "B1,2016-01-01,105A,E01018181"], ":1: the mapping's markers.domestic-abuse is 'DA', but the file has no such column" },
        { "unknown offence code", ["Ref,Date,HO,LSOA,DA", "B1,2016-01-01,105Z,E01018181,N"], ":2: HO '105Z' is not a Home Office offence code csa knows" },
        { "unknown marker value", ["Ref,Date,HO,LSOA,DA", "B1,2016-01-01,105A,E01018181,Yes"], ":2: DA 'Yes' is not a value the mapping lists in yesNoValues ('Y', 'N', '')" },
    };

    [Theory]
    [MemberData(nameof(BadExtracts))]
    public async Task ImportAsync_BadExtract_NamesTheProblemAndChangesNothing(string what, string[] lines, string expected)
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportLookupsAsync(store, TestPaths.LsoaWardDistrict);
        await File.WriteAllTextAsync(scratch.File("map.json"), Mapping);
        await File.WriteAllLinesAsync(scratch.File("good.csv"), ["Ref,Date,HO,LSOA,DA", "G1,2016-01-01,8N,E01018181,Y"]);
        await new ExtractImporter(store).ImportAsync(scratch.File("good.csv"), scratch.File("map.json"));
        var before = await StoreTestKit.SnapshotAsync(store);
        var bad = scratch.File("bad.csv");
        await File.WriteAllLinesAsync(bad, lines);

        var error = await Assert.ThrowsAsync<CsaImportException>(() => new ExtractImporter(store).ImportAsync(bad, scratch.File("map.json")));

        Assert.Contains(bad + expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StoreTestKit.SnapshotAsync(store));
        Assert.Equal(1, (await store.GetTableCountsAsync())["extract_crime"]);
        Assert.True(error.Issues.Count > 0, what);
    }
}
