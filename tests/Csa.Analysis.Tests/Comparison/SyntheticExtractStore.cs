using Csa.Core;
using Csa.Ingest.Extract;
using Csa.Ingest.Geography;
using Csa.Ingest.Synthetic;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Analysis.Tests.Comparison;

/// <summary>A real store holding the ONS lookups and a SYNTHETIC Huntingdonshire extract for one seed.</summary>
sealed class SyntheticExtractStore : IAsyncDisposable
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    SyntheticExtractStore(DuckDbStore store) => Store = store;

    public DuckDbStore Store { get; private set; } = null!;

    /// <summary>The synthetic extract CSV the store was loaded from.</summary>
    public string ExtractFile => Path.Combine(_scratch.File("extract"), SyntheticExtractGenerator.ExtractFileName);

    public static async Task<SyntheticExtractStore> CreateAsync(int seed)
    {
        var result = new SyntheticExtractStore(null!);
        result.Store = await DuckDbStore.OpenAsync(result._scratch.File("synthetic.duckdb"), TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await result.Store.ImportGeographyAsync(lookup, source);
        }

        var places = await result.Store.GetPlacesAsync();
        var huntingdonshire = places.LsoaPlaces.Where(p => p.Value.District == "E07000011").Select(p => (p.Key, p.Value.Ward)).ToArray();
        var folder = result._scratch.File("extract");
        new SyntheticExtractGenerator(huntingdonshire, seed).Write(folder, "Huntingdonshire", Period.Parse("2011-03..2017-02"), seed);
        await new ExtractImporter(result.Store).ImportAsync(
            Path.Combine(folder, SyntheticExtractGenerator.ExtractFileName), Path.Combine(folder, SyntheticExtractGenerator.MappingFileName));
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _scratch.Dispose();
    }
}
