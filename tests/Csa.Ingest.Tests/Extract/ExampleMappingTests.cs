using Csa.Core.Classification;
using Csa.Ingest.Extract;
using Csa.Tests;

namespace Csa.Ingest.Tests.Extract;

public class ExampleMappingTests
{
    [Fact]
    public void Load_TheShippedExample_IsValid()
    {
        var mapping = ExtractMapping.Load(Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "extract-mapping.example.json"));

        Assert.Equal("CRIME_REF", mapping.Columns.CrimeReference);
        Assert.Equal(9, mapping.Markers.Count);
        Assert.All(mapping.Markers.Keys, key => Assert.True(Markers.IsKnown(key)));
        Assert.False(mapping.Synthetic);
    }
}
