using System.Text.Json;
using Csa.Core.Importing;
using Csa.Ingest.Boundaries;
using Csa.Tests;

namespace Csa.Ingest.Tests.Boundaries;

public class BoundaryReaderTests
{
    [Fact]
    public async Task ReadAsync_HuntingdonshireWards_AreSimplifiedPolygonsWithTheirCodesAndNames()
    {
        var (boundaries, source) = await BoundaryReader.ReadAsync(Path.Combine(TestPaths.Sample, "boundaries", "ward", "E07000011.geojson"));

        Assert.Equal(26, boundaries.Count);
        Assert.All(boundaries, b => Assert.StartsWith("E05", b.Code, StringComparison.Ordinal));
        Assert.Contains(boundaries, b => b.Name == "Great Paxton");
        Assert.All(boundaries, b => Assert.Equal("ward", b.Kind));
        Assert.All(boundaries, b => Assert.True(b.Vertices <= b.OriginalVertices));
        Assert.True(boundaries.Sum(b => b.Vertices) < boundaries.Sum(b => b.OriginalVertices));
        using var geometry = JsonDocument.Parse(boundaries[0].GeoJson);
        Assert.True(geometry.RootElement.GetProperty("type").GetString() is "Polygon" or "MultiPolygon");
        Assert.Equal(64, source.Sha256.Length);
    }

    [Fact]
    public async Task ReadAsync_CoarserTolerance_KeepsFewerVertices()
    {
        var path = Path.Combine(TestPaths.Sample, "boundaries", "lsoa11", "E07000011.geojson");
        var (fine, _) = await BoundaryReader.ReadAsync(path);
        var (coarse, _) = await BoundaryReader.ReadAsync(path, 0.001);

        Assert.Equal("lsoa11", fine[0].Kind);
        Assert.True(coarse.Sum(b => b.Vertices) < fine.Sum(b => b.Vertices) / 2);
    }

    [Fact]
    public async Task ReadAsync_NoCodeProperty_NamesTheFeature()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("synthetic.geojson");
        await File.WriteAllTextAsync(path, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Somewhere"},
             "geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}}]}
            """);

        var error = await Assert.ThrowsAsync<CsaImportException>(() => BoundaryReader.ReadAsync(path));

        Assert.Contains("feature 1 has no code property (WDyyCD, LSOA11CD, LSOA21CD or LADyyCD): it has name", error.Message, StringComparison.Ordinal);
    }
}
