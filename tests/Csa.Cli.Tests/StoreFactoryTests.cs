using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>The <c>--store</c> value chooses the backend in one place (<see cref="StoreFactory"/>): a file path opens DuckDB;
/// a server's connection string or URL is never taken for a file name.</summary>
public class StoreFactoryTests
{
    [Theory]
    [InlineData("postgres://analyst@db.example/csa", true)]
    [InlineData("postgresql://db.example:5433/csa", true)]
    [InlineData("Host=db.example;Database=csa;Username=analyst", true)]
    [InlineData("Database=csa;Host=db.example", true)]
    [InlineData("csa.duckdb", false)]
    [InlineData("/data/stores/Host=odd-but-a-file.duckdb", false)]
    public void NamesServer_TellsAServerFromAFile(string value, bool server)
    {
        Assert.Equal(server, StoreFactory.NamesServer(value));
    }

    [Fact]
    public async Task AServerConnectionString_IsNeverMadeIntoAFile()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var result = await CsaProcess.RunAsync(scratch, "quality", "--store", "Host=127.0.0.1;Database=csa;Password=secret-in-the-value");

        Assert.Equal(ExitCodes.StoreUnusable, result.ExitCode);
        Assert.Contains("connection string", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-in-the-value", result.Error + result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }
}
