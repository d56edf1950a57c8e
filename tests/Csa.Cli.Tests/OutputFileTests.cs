using System.Diagnostics;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Every single file csa writes is checked before any work: never over csa's own store, never over a device or a
/// pipe, only into a folder that exists; and an empty path is a clear error, not a stack trace.</summary>
public sealed class OutputFileTests : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    public async Task InitializeAsync()
    {
        await CsaProcess.ImportCambridgeshireAsync(_scratch);
    }

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string> BadOutputs => new()
    {
        { "--csv", "csa.duckdb", "is csa's store: csa never writes over its own store" },
        { "--xlsx", "./csa.duckdb", "is csa's store" },
        { "--json", "csa.duckdb.wal", "is csa's store" },
        { "--csv", "", "the path is empty" },
        { "--csv", "no-such-folder/t.csv", "does not exist: create it first" },
        { "--json", ".", "is a folder" },
    };

    [Theory]
    [MemberData(nameof(BadOutputs))]
    public async Task Summary_WithABadOutputPath_IsRefusedBeforeAnyWork_AndTheStoreIsIntact(string option, string path, string reason)
    {
        var before = new FileInfo(_scratch.File("csa.duckdb")).Length;

        var result = await CsaProcess.RunAsync(_scratch, "summary", "--area", "Huntingdonshire", option, path);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("│", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, new FileInfo(_scratch.File("csa.duckdb")).Length);
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "quality", "--area", "Huntingdonshire")).ExitCode);
    }

    [Fact]
    public async Task APipe_IsNotReplacedByAFile()
    {
        var fifo = _scratch.File("pipe");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await CsaProcess.RunAsync(_scratch, "summary", "--area", "Huntingdonshire", "--csv", "pipe");
        var trees = await CsaProcess.RunAsync(_scratch, "trees", "export", "seed", "pipe");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("is not a regular file", result.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, trees.ExitCode);
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", fifo]) { RedirectStandardOutput = true })!;
        Assert.Equal("fifo", (await stat.StandardOutput.ReadToEndAsync()).Trim());
    }

    [Fact]
    public async Task TreesExport_OverTheStore_IsRefused()
    {
        var result = await CsaProcess.RunAsync(_scratch, "trees", "export", "seed", "csa.duckdb");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("is csa's store", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "quality")).ExitCode);
    }
}
