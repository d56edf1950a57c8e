using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Every importer is all or nothing: given a good file and a bad one (or a bad one alone where it takes one file), it
/// exits with bad input, names the file and line, and the store holds exactly what it held before.</summary>
public sealed class AllOrNothingImportTests : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    public static TheoryData<string> Importers() => ["police-uk", "geography", "extract", "population", "series", "deprivation", "boundaries", "prc"];

    public async Task InitializeAsync() =>
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy)).ExitCode);

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void EveryImportSubcommand_IsCovered()
    {
        var import = CsaCommandLine.Build().Subcommands.Single(c => c.Name == "import");

        Assert.Equal(import.Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal), ((IEnumerable<object[]>)Importers()).Select(r => (string)r[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Importers))]
    public async Task AGoodFileAndABadOne_ImportNothing(string importer)
    {
        var (args, badFile) = await InputsAsync(importer);
        var before = await FingerprintAsync();

        var result = await CsaProcess.RunAsync(_scratch, ["import", importer, .. args]);

        Assert.True(result.ExitCode == ExitCodes.BadInput, $"{importer}: exit {result.ExitCode}: {result.Output}{result.Error}");
        Assert.Contains(Path.GetFileName(badFile) + ":", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync());
    }

    /// <summary>The arguments of each importer: a good file first where it takes several, then a bad one (SYNTHETIC test files).</summary>
    async Task<(string[] Args, string BadFile)> InputsAsync(string importer)
    {
        string Bad(string name, string text)
        {
            var path = _scratch.File(name);
            File.WriteAllText(path, text);
            return path;
        }

        switch (importer)
        {
            case "police-uk":
                var badStreet = Bad("2019-07-kent-street.csv", "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\nabc,2019-07,Kent Police,Kent Police,0.5,51.2,On or near X,E01024000,Maidstone 001A,Not a crime type,,\n");
                return ([TestPaths.NationalSlice, badStreet], badStreet);
            case "geography":
                var badLookup = Bad("not-a-lookup.csv", "a,b\n1,2\n");
                return ([TestPaths.LsoaVintages, badLookup], badLookup);
            case "boundaries":
                var badGeoJson = Bad("broken.geojson", "{ \"type\": \"FeatureCollection\", \"features\": [ { \"type\": \"Feature\" ");
                return ([Path.Combine(TestPaths.Sample, "boundaries", "ward", "E07000011.geojson"), badGeoJson], badGeoJson);
            case "population":
                var badPopulation = Bad("synthetic-population-mid2015.csv", "lsoa_code,population\nE01017550,1500\nE01017550,1600\n");
                return ([badPopulation], badPopulation);
            case "deprivation":
                var badRanks = Bad("synthetic-imd.csv", "LSOA11CD,IMD19\nE01017550,not-a-rank\n");
                return ([badRanks], badRanks);
            case "prc":
                var badTable = Bad("synthetic-prc.csv", "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Number of Offences\n2019/20,1,Durham,Arson,Criminal damage and arson,Arson,56,three\n");
                return ([Path.Combine(TestPaths.RepositoryRoot, "tests", "Csa.Ingest.Tests", "Official", "Fixtures", "prc-fixture.csv"), badTable], badTable);
            case "series":
                var badSeries = Bad("synthetic-series.csv", "month,count\n2019-01,10\n2019-02,minus three\n");
                return ([badSeries, "--name", "Ambulance", "--area", "Huntingdonshire"], badSeries);
            default:
                Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "synth", "extract", "--area", "Huntingdonshire", "--seed", "2", "--out", "synthetic")).ExitCode);
                var lines = (await File.ReadAllLinesAsync(_scratch.File("synthetic/synthetic-extract.csv"))).ToList();
                lines[^1] = lines[^1].Replace(",20", ",31-31-", StringComparison.Ordinal);
                var badExtract = _scratch.File("synthetic-bad-extract.csv");
                await File.WriteAllLinesAsync(badExtract, lines);
                return ([badExtract, "--mapping", _scratch.File("synthetic/synthetic-extract-mapping.json")], badExtract);
        }
    }

    async Task<string> FingerprintAsync()
    {
        await using var store = await DuckDbStore.OpenAsync(_scratch.File("csa.duckdb"), TimeProvider.System);
        var counts = await store.GetTableCountsAsync();
        var files = await store.GetImportedFilesAsync();
        return string.Join(";", counts.Select(c => $"{c.Key}={c.Value}")) + "|" + string.Join(";", files.Select(f => $"{f.Kind}:{f.Source.Name}:{f.Rows}"));
    }
}
