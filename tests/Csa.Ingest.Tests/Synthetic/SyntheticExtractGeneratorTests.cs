using Csa.Core;
using Csa.Ingest.Synthetic;
using Csa.Tests;

namespace Csa.Ingest.Tests.Synthetic;

public class SyntheticExtractGeneratorTests
{
    static readonly (string, string)[] Places = [("E01018181", "E05011270"), ("E01018182", "E05011270"), ("E01018183", "E05011271")];

    static string Write(ScratchFolder scratch, string name, int seed)
    {
        var folder = scratch.File(name);
        new SyntheticExtractGenerator(Places, seed).Write(folder, "Test area", Period.Parse("2011-03..2017-02"), seed);
        return folder;
    }

    [Fact]
    public void Write_SameSeed_WritesTheSameBytes_AndLabelsEveryFileSynthetic()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var a = Write(scratch, "a", 5);
        var b = Write(scratch, "b", 5);

        // Every data file says it is synthetic; the folder's marker (csa's own output) is not data.
        Assert.True(File.Exists(Path.Combine(a, Core.Files.CsaOutputFolder.MarkerName)));
        foreach (var file in Directory.GetFiles(a).Select(Path.GetFileName).Where(f => f != Core.Files.CsaOutputFolder.MarkerName))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file!)), File.ReadAllBytes(Path.Combine(b, file!)));
            Assert.Contains("synthetic", file, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("SYNTHETIC", File.ReadAllText(Path.Combine(a, file!)), StringComparison.OrdinalIgnoreCase);
        }

        var lines = File.ReadAllLines(Path.Combine(a, SyntheticExtractGenerator.ExtractFileName));
        Assert.All(lines.Skip(1), line => Assert.StartsWith("synthetic,SYN-", line, StringComparison.Ordinal));
        Assert.Contains("\"synthetic\": true", File.ReadAllText(Path.Combine(a, SyntheticExtractGenerator.MappingFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OtherSeed_WritesOtherCrimes()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var a = File.ReadAllText(Path.Combine(Write(scratch, "a", 1), SyntheticExtractGenerator.ExtractFileName));
        var b = File.ReadAllText(Path.Combine(Write(scratch, "b", 2), SyntheticExtractGenerator.ExtractFileName));

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Write_MonthsFollowASeason()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var rows = File.ReadLines(Path.Combine(Write(scratch, "a", 3), SyntheticExtractGenerator.ExtractFileName)).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[3] == "8N" && f[2].StartsWith("2015", StringComparison.Ordinal))
            .GroupBy(f => int.Parse(f[2][5..7], System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());

        // Assault with injury peaks in summer: July and August hold more than January and February.
        Assert.True(rows[7] + rows[8] > rows[1] + rows[2]);
    }
}
