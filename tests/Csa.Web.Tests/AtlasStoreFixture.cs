using Csa.Core;
using Csa.Core.Security;
using Csa.Ingest.Boundaries;
using Csa.Ingest.Extract;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Ingest.Population;
using Csa.Ingest.Synthetic;
using Csa.Storage.DuckDb;
using Csa.Tests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Csa.Web.Tests;

/// <summary>A real store and the atlas over it, restricted and public: the ONS lookups, Cambridgeshire's street files,
/// the 2015 and 2022 population estimates, IMD 2019, Huntingdonshire's ward and LSOA boundaries, one account, and a
/// SYNTHETIC Huntingdonshire police extract (2011-03..2017-02) for the pyramids and markers.</summary>
public sealed class AtlasStoreFixture : IAsyncLifetime
{
    public const string User = "analyst";
    public const string Password = "a long enough password";

    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    public string StorePath => _scratch.File("atlas.duckdb");

    public async Task InitializeAsync()
    {
        await using var store = await DuckDbStore.OpenAsync(StorePath, TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, TestPaths.LsoaVintages })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await store.ImportGeographyAsync(lookup, source);
        }

        await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);
        await store.AddUserAsync(User, PasswordHash.Create(Password));
        foreach (var kind in new[] { "ward", "lsoa11" })
        {
            var (boundaries, boundarySource) = await BoundaryReader.ReadAsync(Path.Combine(TestPaths.Sample, "boundaries", kind, "E07000011.geojson"));
            await store.ImportBoundariesAsync([new(boundaries, boundarySource)]);
        }

        foreach (var name in new[] { "lsoa11-population-mid2015.csv", "lsoa21-population-mid2022.csv" })
        {
            var (year, populations, populationSource) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", name), null);
            await store.ImportPopulationAsync(year, populations, populationSource);
        }

        var (ranks, imdSource) = await DeprivationReader.ReadAsync(Path.Combine(TestPaths.Sample, "deprivation", "imd2019-rank-lsoa11.csv"));
        await store.ImportDeprivationAsync(ranks, imdSource);

        var places = await store.GetPlacesAsync();
        var huntingdonshire = places.LsoaPlaces.Where(p => p.Value.District == "E07000011").Select(p => (p.Key, p.Value.Ward)).ToArray();
        var folder = _scratch.File("synthetic-extract");
        new SyntheticExtractGenerator(huntingdonshire, 1).Write(folder, "Huntingdonshire", Period.Parse("2011-03..2017-02"), 1);
        await new ExtractImporter(store).ImportAsync(Path.Combine(folder, SyntheticExtractGenerator.ExtractFileName), Path.Combine(folder, SyntheticExtractGenerator.MappingFileName));
    }

    public WebApplicationFactory<Program> Atlas(bool isPublic, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Atlas:StorePath", StorePath);
            builder.UseSetting("Atlas:Public", isPublic ? "true" : "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class AtlasStoreGroup : ICollectionFixture<AtlasStoreFixture>
{
    public const string Name = "atlas store";
}
