using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>The README's two commands, and the claims it makes about the program.</summary>
public class ReadmeTests
{
    static readonly string Readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));

    [Theory]
    [InlineData("csa compare")]
    [InlineData("csa years")]
    [InlineData("csa import extract FILE --mapping MAP.json")]
    [InlineData("data/examples/extract-mapping.example.json")]
    [InlineData("csa report CONFIG")]
    [InlineData("docs/report-config.md")]
    public void Readme_ShowsTheCommandsOfEachCapability(string text) =>
        Assert.Contains(text, Readme, StringComparison.Ordinal);

    [Fact]
    public void Readme_ShowsTheMainJobAndTheTestCommand_AndCiRunsBoth()
    {
        var ci = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, ".ci", "run"));

        Assert.Contains("dotnet run --project src/Csa.Cli -c Release -- demo\n", Readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Csa.slnx -c Release\n", Readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Csa.slnx -c Release 2>&1", ci, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Csa.Cli -c Release -- demo", ci, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_FromTheRepositoryRoot_ImportsTheSampleAndSummarisesHuntingdonshire()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var result = await CsaProcess.RunAsync(TestPaths.RepositoryRoot, "demo", "--store", scratch.File("demo.duckdb"), "--out", scratch.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Imported 36 street files", result.Output, StringComparison.Ordinal);
        Assert.Contains("Huntingdonshire (district E07000011), 2019-07..2019-09, by type", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ All crime                    │  2,453 │", result.Output, StringComparison.Ordinal);
        Assert.Contains("2015-01..2015-12 compared with 2016-01..2016-12 (tree: seed) [SYNTHETIC DATA]", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ All Crime                           │            7,416 │            8,257 │            841 │         + 11.3% │", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(scratch.File("out/synthetic-extract/synthetic-extract.csv")));
        Assert.Contains($"The seed's assessment (Huntingdonshire, violence, 2016/17 Q4; SYNTHETIC extract):\nWrote the report: {scratch.File("out/seed-huntingdonshire-violence-2016-17-q4/report.html")}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"Wrote the Word document: {scratch.File("out/seed-huntingdonshire-violence-2016-17-q4/report.docx")}", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(scratch.File("out/northumbria-newcastle-2022/report.html")));
    }

    [Fact]
    public async Task AnyCommand_StoreHeldByAnotherProcess_SaysItIsInUse()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var holder = await DuckDbStore.OpenAsync(scratch.File("csa.duckdb"), TimeProvider.System);

        var result = await CsaProcess.RunAsync(scratch, "quality");

        Assert.Equal(ExitCodes.StoreUnusable, result.ExitCode);
        Assert.Contains("is in use by another csa process (DuckDB allows one writer)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadmeCommands_RunAsWrittenOnTheDemoStore()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var store = scratch.File("csa.duckdb");
        var demo = await CsaProcess.RunAsync(TestPaths.RepositoryRoot, "demo", "--store", store, "--out", scratch.File("out"));
        Assert.Equal(0, demo.ExitCode);
        var block = Readme[(Readme.IndexOf("<!-- readme-commands -->", StringComparison.Ordinal))..Readme.IndexOf("<!-- /readme-commands -->", StringComparison.Ordinal)];
        var commands = block.Split('\n').Where(line => line.StartsWith("csa ", StringComparison.Ordinal)).ToArray();
        Assert.True(commands.Length >= 8);

        foreach (var command in commands)
        {
            var result = await CsaProcess.RunAsync(TestPaths.RepositoryRoot, [.. SplitArguments(command[4..]), "--store", store]);

            Assert.True(result.ExitCode == 0, $"{command}: exit {result.ExitCode}: {result.Error}");
        }
    }

    /// <summary>Splits a command line as a shell would for these simple lines (double quotes group words).</summary>
    static IEnumerable<string> SplitArguments(string line)
    {
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
