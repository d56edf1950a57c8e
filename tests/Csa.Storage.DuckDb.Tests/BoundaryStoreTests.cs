using Csa.Ingest.Boundaries;
using Csa.Tests;

namespace Csa.Storage.DuckDb.Tests;

public class BoundaryStoreTests
{
    [Fact]
    public async Task ImportBoundaries_Twice_ReplacesByCode()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        var (wards, source) = await BoundaryReader.ReadAsync(Path.Combine(TestPaths.Sample, "boundaries", "ward", "E07000011.geojson"));

        await store.ImportBoundariesAsync([new(wards, source)]);
        await store.ImportBoundariesAsync([new(wards, source)]);

        Assert.Equal(26, (await store.GetTableCountsAsync())["boundary"]);
        var two = await store.GetBoundariesAsync("ward", [wards[0].Code, wards[1].Code]);
        Assert.Equal([wards[0].Code, wards[1].Code], two.Select(b => b.Code).Order(StringComparer.Ordinal));
        Assert.Equal(wards[0].GeoJson, two.Single(b => b.Code == wards[0].Code).GeoJson);
        Assert.Empty(await store.GetBoundariesAsync("lsoa11", null));
    }
}
