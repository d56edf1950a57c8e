using Csa.Core.Importing;
using Csa.Ingest.Extract;
using Csa.Tests;

namespace Csa.Ingest.Tests.Extract;

public class ExtractMappingTests
{
    [Fact]
    public void Load_UnknownMarkerAndMissingColumns_NameTheKeys()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("map.json");
        File.WriteAllText(path, """{ "columns": { "crimeReference": "Ref" }, "markers": { "domestic-violence": "DV" } }""");

        var error = Assert.Throws<CsaImportException>(() => ExtractMapping.Load(path));

        Assert.Equal(
            [
                "columns.recordedDate is required",
                "columns.offenceCode or columns.offenceDescription is required",
                "columns.lsoa or columns.ward is required, to place each crime",
                "markers.domestic-violence: not a marker csa knows (domestic-abuse, hate-crime, child-sexual-exploitation, child-sexual-abuse, child-abuse, cyber, human-trafficking, vulnerable-victim, safeguarding-vulnerable-adults, action-fraud, alcohol-related)",
            ],
            error.Issues.Select(i => i.Reason));
    }

    [Fact]
    public void Load_UnknownKey_IsRefused()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("map.json");
        File.WriteAllText(path, """{ "columns": { "crimeReference": "Ref" }, "colour": "red" }""");

        var error = Assert.Throws<CsaImportException>(() => ExtractMapping.Load(path));

        Assert.Contains("not a valid mapping", error.Message, StringComparison.Ordinal);
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }
}
