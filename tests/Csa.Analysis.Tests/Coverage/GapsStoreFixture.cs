using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Ingest.Population;
using Csa.Storage;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Analysis.Tests.Coverage;

/// <summary>A real store with real gaps: Cambridgeshire July–September 2019 with British Transport Police (no September),
/// Bedfordshire (a neighbour with rows in Huntingdonshire) and Thames Valley (no July), Northumbria (no January 2022),
/// the ONS lookups and the mid-2015 population. Shared read only.</summary>
public sealed class GapsStoreFixture : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();
    DuckDbStore? _store;

    public ICsaStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _store = await DuckDbStore.OpenAsync(_scratch.File("gaps.duckdb"), TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, TestPaths.LsoaVintages })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await _store.ImportGeographyAsync(lookup, source);
        }

        await new PoliceUkImporter(_store).ImportAsync([TestPaths.Cambridgeshire, TestPaths.NationalSlice, TestPaths.NorthumbriaZip]);
        var (year, populations, populationSource) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"), null);
        await _store.ImportPopulationAsync(year, populations, populationSource);
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

[CollectionDefinition(Name)]
public sealed class GapsStoreGroup : ICollectionFixture<GapsStoreFixture>
{
    public const string Name = "gaps store";
}
