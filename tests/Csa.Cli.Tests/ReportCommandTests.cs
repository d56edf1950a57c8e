using Csa.Tests;

namespace Csa.Cli.Tests;

public class ReportCommandTests
{
    [Fact]
    public async Task Report_BadConfig_ExitsWithBadQueryNamingTheKeyAndWritesNothing()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await File.WriteAllTextAsync(scratch.File("bad.json"), """
            { "title": "T", "partnership": "P", "area": "Huntingdonshire", "theme": { "name": "Violence", "category": "All Violence Against The Person" },
              "periods": { "earlier": "2015", "later": "2016-13" }, "sections": [ "details", "appendix-z" ] }
            """);

        var result = await CsaProcess.RunAsync(scratch, "report", "bad.json", "--out", "report");

        Assert.Equal(ExitCodes.BadQuery, result.ExitCode);
        Assert.Contains("sections: 'appendix-z' is not a section csa writes", result.Error, StringComparison.Ordinal);
        Assert.Contains("periods.later: '2016-13' is not a period", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.File("report")));
    }

    [Fact]
    public async Task Report_WithPdf_PrintsThePathOfThePdfItWrote()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await CsaProcess.ImportNorthumbriaAsync(scratch);
        var config = Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "report-northumbria-newcastle.json");

        var result = await CsaProcess.RunAsync(scratch, "report", config, "--out", "newcastle", "--pdf");

        Assert.True(result.ExitCode == 0, result.Error);
        var line = result.Output.Split('\n').Single(l => l.StartsWith("Wrote the PDF: ", StringComparison.Ordinal)).Trim();
        var printed = line["Wrote the PDF: ".Length..];
        Assert.EndsWith(Path.Combine("newcastle", "report.pdf"), printed, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.IsPathRooted(printed) ? printed : scratch.File(printed)), printed);
    }
}
