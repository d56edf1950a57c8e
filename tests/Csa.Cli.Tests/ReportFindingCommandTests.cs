using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Csa.Reporting.Assessment;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Every finding of the demo's two documents records a command; run as a user would (from the config's folder, on
/// the same store), it prints every figure the finding states.</summary>
public sealed partial class ReportFindingCommandTests(DemoDocumentsFixture demo) : IClassFixture<DemoDocumentsFixture>
{
    static string Examples => Path.Combine(TestPaths.RepositoryRoot, "data", "examples");

    [Theory]
    [InlineData("seed")]
    [InlineData("newcastle")]
    public async Task EveryRecordedCommand_PrintsItsFindingsFigures(string document)
    {
        using var scratch = new ScratchFolder();
        var folder = document == "seed" ? demo.Seed : demo.Newcastle;
        using var sidecar = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, ReportFiles.SidecarName)));
        var findings = sidecar.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        Assert.NotEmpty(findings);

        var checkedFigures = 0;
        foreach (var (finding, n) in findings.Select((f, n) => (f, n)))
        {
            var command = finding.GetProperty("command").GetString()!;
            var words = CommandLineText.Split(command);
            Assert.Equal("csa", words[0]);
            var json = scratch.File($"finding-{n}.json");
            var result = await CsaProcess.RunAsync(Examples, [.. words.Skip(1), "--store", demo.Store, "--json", json]);
            Assert.True(result.ExitCode == 0, $"{command}: {result.Error}");
            using var table = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var rows = table.RootElement.EnumerateArray().ToArray();
            foreach (var figure in finding.GetProperty("figures").EnumerateArray())
            {
                var value = figure.GetProperty("value");
                if (figure.GetProperty("column").ValueKind == JsonValueKind.Null)
                {
                    Assert.Contains(Words(value.GetString()!), Words(result.Output), StringComparison.Ordinal);
                }
                else
                {
                    var (key, row, column) = (figure.GetProperty("keyColumn").GetString()!, figure.GetProperty("row").GetString()!, figure.GetProperty("column").GetString()!);
                    var printed = Assert.Single(rows, r => Text(r.GetProperty(key)) == row).GetProperty(column);
                    Assert.True(Same(value, printed), $"{command}: row '{row}', column '{column}': the finding says {value}, the command printed {printed}");
                }

                checkedFigures++;
            }
        }

        Assert.True(checkedFigures >= findings.Length, $"{checkedFigures} figures checked for {findings.Length} findings");
    }

    /// <summary>The sidecar's figure against the command's cell: a formatted number is compared by its value.</summary>
    static bool Same(JsonElement stated, JsonElement printed)
    {
        if (stated.ValueKind == JsonValueKind.Object)
        {
            stated = stated.GetProperty("value");
        }

        return (stated.ValueKind, printed.ValueKind) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => Math.Abs(stated.GetDouble() - printed.GetDouble()) <= 1e-9 * Math.Max(1, Math.Abs(stated.GetDouble())),
            _ => Text(stated) == Text(printed),
        };
    }

    static string Text(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null => string.Empty,
        JsonValueKind.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => cell.GetString()!,
    };

    /// <summary>Text with every run of white space as one space: the screen wraps long notes.</summary>
    static string Words(string text) => Space().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
