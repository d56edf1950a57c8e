using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>The <c>--store</c> value chooses the backend in one place (<see cref="StoreFactory"/>): a file path opens DuckDB,
/// a PostgreSQL connection string or URL opens PostgreSQL (never a file of that name).</summary>
public class StoreFactoryTests
{
    [Theory]
    [InlineData("postgres://analyst@db.example/csa", true)]
    [InlineData("postgresql://db.example:5433/csa", true)]
    [InlineData("Host=db.example;Database=csa;Username=analyst", true)]
    [InlineData("Database=csa;Host=db.example", true)]
    [InlineData("Server=db.example;Database=csa", true)]
    [InlineData("csa.duckdb", false)]
    [InlineData("/data/stores/Host=odd-but-a-file.duckdb", false)]
    public void NamesServer_TellsAServerFromAFile(string value, bool server)
    {
        Assert.Equal(server, StoreFactory.NamesServer(value));
    }

    [Fact]
    public async Task AServerThatCannotBeReached_IsNamedWithoutItsPassword_AndNoFileIsMade()
    {
        using var scratch = TestPaths.NewScratchFolder();

        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var result = await CsaProcess.RunAsync(scratch, "quality", "--store", "Host=127.0.0.1;Port=1;Database=csa;Username=analyst;Password=secret-in-the-value");

        Assert.Equal(ExitCodes.StoreUnusable, result.ExitCode);
        Assert.Contains("Cannot open the store postgres://analyst@127.0.0.1:1/csa", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-in-the-value", result.Error + result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--help")]
    [InlineData("compare --help")]
    [InlineData("summary -h")]
    [InlineData("quality --store postgres://analyst@db.example/csa")]
    public void TheEmbeddedEngineIsNotWarmed_ForHelp_OrAServer(string commandLine)
    {
        Assert.Same(Task.CompletedTask, StoreFactory.BeginWarmUp(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task AWarmUp_ForACommand_EndsWithoutFailing_AndTouchesNoFile()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var warmUp = StoreFactory.BeginWarmUp(["summary", "--store", Path.Combine(scratch.Path, "csa.duckdb")]);

        Assert.NotSame(Task.CompletedTask, warmUp);
        await warmUp.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(warmUp.IsCompletedSuccessfully);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }
}
