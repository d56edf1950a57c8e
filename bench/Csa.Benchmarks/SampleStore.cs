using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Storage.DuckDb;

namespace Csa.Benchmarks;

/// <summary>The store the benchmarks start from: the bundled geography lookups and Cambridgeshire's three bundled months.</summary>
static class SampleStore
{
    /// <summary>Writes that store at <paramref name="path"/> and returns it open, for a benchmark to add what it needs.</summary>
    public static async Task<DuckDbStore> CambridgeshireAsync(string repository, string path)
    {
        var store = await DuckDbStore.OpenAsync(path, TimeProvider.System);
        var sample = Path.Combine(repository, "data", "sample");
        foreach (var file in new[] { "lsoa11-ward19-lad19.csv", "lad19-csp19-pfa19.csv" })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(Path.Combine(sample, "geography", file));
            await store.ImportGeographyAsync(lookup, source);
        }

        await new PoliceUkImporter(store).ImportAsync([Path.Combine(sample, "police-uk", "cambridgeshire")]);
        return store;
    }
}
