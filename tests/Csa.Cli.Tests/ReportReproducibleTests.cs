using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>The same store and config give the same document, byte for byte, wherever it is written.</summary>
public sealed class ReportReproducibleTests(DemoDocumentsFixture demo) : IClassFixture<DemoDocumentsFixture>
{
    [Theory]
    [InlineData("report-seed-violence.json", "seed-huntingdonshire-violence-2016-17-q4")]
    [InlineData("report-northumbria-newcastle.json", "northumbria-newcastle-2022")]
    public async Task TheSameStoreAndConfig_WriteIdenticalFiles_InAnotherFolder(string config, string demoFolder)
    {
        using var scratch = new ScratchFolder();
        var path = Path.Combine(TestPaths.RepositoryRoot, "data", "examples", config);

        var result = await CsaProcess.RunAsync(scratch, "report", path, "--store", demo.Store, "--out", Path.Combine("elsewhere", "deeper", "copy"), "--docx");

        Assert.True(result.ExitCode == 0, result.Error);
        var (original, copy) = (Path.Combine(demo.Folder, "out", demoFolder), scratch.File(Path.Combine("elsewhere", "deeper", "copy")));
        var written = Directory.GetFiles(original, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(original, f)).Where(f => !f.EndsWith(".pdf", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(written, Directory.GetFiles(copy, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(copy, f)).Where(f => !f.EndsWith(".pdf", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("report.html", written);
        Assert.Contains("report.json", written);
        Assert.Contains("tables.xlsx", written);
        Assert.Contains("report.docx", written);
        foreach (var file in written)
        {
            var (first, second) = (await File.ReadAllBytesAsync(Path.Combine(original, file)), await File.ReadAllBytesAsync(Path.Combine(copy, file)));
            Assert.True(first.SequenceEqual(second), $"{file} differs between two builds of the same store and config");
        }

        foreach (var file in written.Where(f => !f.EndsWith(".png", StringComparison.Ordinal) && !f.EndsWith(".xlsx", StringComparison.Ordinal) && !f.EndsWith(".docx", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(Path.Combine(copy, file));
            Assert.DoesNotContain(scratch.Path, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestPaths.RepositoryRoot, text, StringComparison.Ordinal);
        }
    }
}
