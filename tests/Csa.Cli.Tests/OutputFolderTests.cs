using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>--out never deletes a file csa did not write: a folder holding anything else is refused, naming it; a folder csa
/// wrote before is replaced; csa demo writes only its own folders inside --out.</summary>
public sealed class OutputFolderTests : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();
    static readonly string Config = Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "report-northumbria-newcastle.json");

    public Task InitializeAsync() => CsaProcess.ImportNorthumbriaAsync(_scratch);

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Report_IntoAFolderHoldingTheStore_IsRefused_AndTheStoreIsIntact()
    {
        await File.WriteAllTextAsync(_scratch.File("my-notes.txt"), "the analyst's own file");
        var bytes = new FileInfo(_scratch.File("csa.duckdb")).Length;

        var result = await CsaProcess.RunAsync(_scratch, "report", Config, "--out", ".");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("csa did not write", result.Error, StringComparison.Ordinal);
        Assert.Contains("csa.duckdb", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(_scratch.File("my-notes.txt")));
        Assert.Equal(bytes, new FileInfo(_scratch.File("csa.duckdb")).Length);
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "quality", "--area", "Newcastle upon Tyne")).ExitCode);
    }

    [Fact]
    public async Task Report_IntoItsOwnFolder_ReplacesIt_ButNotWhenAUserFileWasAdded()
    {
        var first = await CsaProcess.RunAsync(_scratch, "report", Config, "--out", "report");
        var again = await CsaProcess.RunAsync(_scratch, "report", Config, "--out", "report");
        await File.WriteAllTextAsync(_scratch.File("report/edited.docx"), "the analyst's edits");
        var refused = await CsaProcess.RunAsync(_scratch, "report", Config, "--out", "report");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("edited.docx", refused.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(_scratch.File("report/edited.docx")));
        Assert.True(File.Exists(_scratch.File("report/report.html")));
    }

    [Fact]
    public async Task Report_IntoItsOwnFolder_WithAUserFileAmongTheFigures_IsRefused()
    {
        // csa replaces its own report folder whole, so a file an analyst put among its figures must stop it.
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "report", Config, "--out", "report")).ExitCode);
        await File.WriteAllTextAsync(_scratch.File("report/figures/annotated-map.png"), "the analyst's own figure");

        var refused = await CsaProcess.RunAsync(_scratch, "report", Config, "--out", "report");

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("annotated-map.png", refused.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(_scratch.File("report/figures/annotated-map.png")));
    }
}
