using Csa.Ingest.Boundaries;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Ingest.Population;
using Csa.Storage;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Analysis.Tests.Places;

/// <summary>A real store for the atlas's analyses: ONS lookups, Cambridgeshire's street files, the 2015 (2011 LSOA)
/// and 2022 (2021 LSOA) population estimates, and Huntingdonshire's LSOA and ward boundaries.</summary>
public sealed class PlacesStoreFixture : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();
    DuckDbStore? _store;

    public ICsaStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    public static string LsoaBoundaries => Path.Combine(TestPaths.Sample, "boundaries", "lsoa11", "E07000011.geojson");

    public async Task InitializeAsync()
    {
        _store = await DuckDbStore.OpenAsync(_scratch.File("places.duckdb"), TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, TestPaths.LsoaVintages })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await _store.ImportGeographyAsync(lookup, source);
        }

        await new PoliceUkImporter(_store).ImportAsync([TestPaths.Cambridgeshire]);
        foreach (var name in new[] { "lsoa11-population-mid2015.csv", "lsoa21-population-mid2022.csv" })
        {
            var (year, populations, source) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", name), null);
            await _store.ImportPopulationAsync(year, populations, source);
        }

        foreach (var file in new[] { LsoaBoundaries, Path.Combine(TestPaths.Sample, "boundaries", "ward", "E07000011.geojson") })
        {
            var (boundaries, source) = await BoundaryReader.ReadAsync(file);
            await _store.ImportBoundariesAsync([new(boundaries, source)]);
        }
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _scratch.Dispose();
    }
}
