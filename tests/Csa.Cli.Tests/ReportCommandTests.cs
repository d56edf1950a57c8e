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
    public async Task Report_OfAnUnfinishedConfig_ExitsNamingEachPlaceholder_AndWithDraftWritesADraft()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await CsaProcess.ImportNorthumbriaAsync(scratch);
        var config = scratch.File("newcastle.json");
        var finished = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "report-northumbria-newcastle.json"));
        await File.WriteAllTextAsync(config, finished
            .Replace("\"introduction\": \"narrative/northumbria-introduction.md\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"group\": \"northumbria-partnerships.txt\"", $"\"group\": \"{Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "northumbria-partnerships.txt")}\"", StringComparison.Ordinal)
            .Replace("\"team\": \"csa, from public data.police.uk street-level data\"", "\"team\": \"Research team (example)\"", StringComparison.Ordinal));

        var refused = await CsaProcess.RunAsync(scratch, "report", config, "--out", "refused");
        var draft = await CsaProcess.RunAsync(scratch, "report", config, "--out", "draft", "--draft");

        Assert.Equal(ExitCodes.BadQuery, refused.ExitCode);
        Assert.Contains("document.team: example text ('Research team (example)')", refused.Error, StringComparison.Ordinal);
        Assert.Contains("narrative.introduction: empty", refused.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.File("refused")));
        Assert.True(draft.ExitCode == 0, draft.Error);
        Assert.Contains("class=\"draft-mark\"", await File.ReadAllTextAsync(scratch.File(Path.Combine("draft", "report.html"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithPdf_PrintsThePathOfThePdfItWrote()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await CsaProcess.ImportNorthumbriaAsync(scratch);
        var config = Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "report-northumbria-newcastle.json");

        var result = await CsaProcess.RunAsync(scratch, "report", config, "--out", "newcastle", "--pdf", "--docx");

        Assert.True(result.ExitCode == 0, result.Error);
        var line = result.Output.Split('\n').Single(l => l.StartsWith("Wrote the PDF: ", StringComparison.Ordinal)).Trim();
        var printed = line["Wrote the PDF: ".Length..];
        Assert.EndsWith(Path.Combine("newcastle", "report.pdf"), printed, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.IsPathRooted(printed) ? printed : scratch.File(printed)), printed);
        var word = result.Output.Split('\n').Single(l => l.StartsWith("Wrote the Word document: ", StringComparison.Ordinal)).Trim()["Wrote the Word document: ".Length..];
        Assert.EndsWith(Path.Combine("newcastle", "report.docx"), word, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.IsPathRooted(word) ? word : scratch.File(word)), word);
    }
}
