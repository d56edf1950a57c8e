using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Storage;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Analysis.Tests;

/// <summary>One real DuckDB store holding the whole bundled sample, shared by the analysis tests (read only).</summary>
public sealed class SampleStoreFixture : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();
    DuckDbStore? _store;

    public ICsaStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _store = await DuckDbStore.OpenAsync(_scratch.File("sample.duckdb"), TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, TestPaths.LsoaVintages })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await _store.ImportGeographyAsync(lookup, source);
        }

        await new PoliceUkImporter(_store).ImportAsync([TestPaths.Cambridgeshire, TestPaths.NorthumbriaZip]);
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
public sealed class SampleStoreGroup : ICollectionFixture<SampleStoreFixture>
{
    public const string Name = "sample store";
}
