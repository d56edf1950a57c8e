using System.Diagnostics;
using System.Text.RegularExpressions;
using Csa.Analysis;
using Csa.Reporting.Assessment;
using Csa.Tests;

namespace Csa.Reporting.Tests.Assessment;

/// <summary>The PDF read page by page, as a partnership analyst reads it: numbered pages, a contents list whose page numbers
/// are right, no page left mostly blank, and DRAFT on every page of a draft. Needs Debian's Chromium and poppler-utils
/// (.ci/run installs both).</summary>
public sealed partial class PrintedDocumentTests(ReportStoreFixture fixture) : IClassFixture<ReportStoreFixture>
{
    /// <summary>The least share of a page's pixels that must be ink (not white), every page but the last.</summary>
    const double LeastInk = 0.08;

    [SkippableTheory]
    [InlineData("report-seed-violence.json")]
    [InlineData("report-northumbria-newcastle.json")]
    public async Task ThePdf_NumbersEveryPage_ItsContentsGiveThePageOfEachSection_AndNoPageIsMostlyBlank(string config)
    {
        SkipWithoutTools();
        using var scratch = TestPaths.NewScratchFolder();
        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(Path.Combine(ReportStoreFixture.Examples, config)));

        var written = await ReportFiles.WriteAsync(report, scratch.File("report"), pdf: true);

        var pdf = written.Pdf!;
        var pages = PdfOutline.PageCount(await File.ReadAllBytesAsync(pdf));
        Assert.True(pages >= 4, $"{pages} pages");
        var texts = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var text = await RunAsync("pdftotext", "-f", $"{page}", "-l", $"{page}", "-layout", pdf, "-");
            Assert.Contains($"Page {page} of {pages}", text, StringComparison.Ordinal);
            texts.Add(text);
        }

        // The contents list's numbers against the page each heading is printed on (alone on its line: in the contents it has a number).
        var headings = report.Sections.Where(s => s.Id != "contents").Select(s => s.Heading).ToArray();
        var contentsPage = texts.FindIndex(t => Regex.IsMatch(t, @"^\s*Contents\s*$", RegexOptions.Multiline));
        var entries = ContentsLine().Matches(texts[contentsPage]).Where(m => headings.Contains(m.Groups["heading"].Value.Trim()))
            .ToDictionary(m => m.Groups["heading"].Value.Trim(), m => int.Parse(m.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(headings.Order(StringComparer.Ordinal), entries.Keys.Order(StringComparer.Ordinal));
        var from = 0;
        foreach (var heading in headings)
        {
            var printedOn = Enumerable.Range(from, pages - from).First(i => Regex.IsMatch(texts[i], $"^\\s*{Regex.Escape(heading)}\\s*$", RegexOptions.Multiline));
            Assert.True(entries[heading] == printedOn + 1, $"'{heading}': the contents say page {entries[heading]}, it is printed on page {printedOn + 1}");
            from = printedOn;
        }

        var ink = await InkAsync(pdf, scratch);
        for (var page = 0; page < ink.Count - 1; page++)
        {
            Assert.True(ink[page] >= LeastInk, $"page {page + 1} of {ink.Count} is mostly blank: {ink[page]:P1} of its pixels are ink");
        }
    }

    [SkippableFact]
    public async Task ADraft_SaysDraftOnEveryPage()
    {
        SkipWithoutTools();
        using var scratch = TestPaths.NewScratchFolder();
        var template = AssessmentConfig.Load(Path.Combine(ReportStoreFixture.Examples, "report-template.json"));
        var report = await new AssessmentBuilder(new Analyses(fixture.Store), draft: true).BuildAsync(template);

        var written = await ReportFiles.WriteAsync(report, scratch.File("draft"), pdf: true);

        var pages = PdfOutline.PageCount(await File.ReadAllBytesAsync(written.Pdf!));
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains("DRAFT", await RunAsync("pdftotext", "-f", $"{page}", "-l", $"{page}", written.Pdf!, "-"), StringComparison.Ordinal);
        }
    }

    /// <summary>Each page's share of pixels that are not white, from pdftoppm's greyscale rendering at 40 dpi.</summary>
    static async Task<IReadOnlyList<double>> InkAsync(string pdf, ScratchFolder scratch)
    {
        var prefix = scratch.File("page");
        await RunAsync("pdftoppm", "-r", "40", "-gray", pdf, prefix);
        var shares = new List<double>();
        foreach (var file in Directory.GetFiles(scratch.Path, "page-*.pgm").Order(StringComparer.Ordinal))
        {
            var (width, height, pixels) = ReadPgm(await File.ReadAllBytesAsync(file));
            shares.Add(pixels.Count(p => p < 245) / (double)(width * height));
        }

        return shares;
    }

    /// <summary>A binary greyscale PGM (P5): width, height and the pixels.</summary>
    static (int Width, int Height, ArraySegment<byte> Pixels) ReadPgm(byte[] bytes)
    {
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, at - start));
        }

        Assert.Equal("P5", fields[0]);
        var (width, height) = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
        return (width, height, new ArraySegment<byte>(bytes, at + 1, width * height));
    }

    static void SkipWithoutTools()
    {
        Skip.If(ReportFiles.FindChromium() is null, "Debian's chromium is not installed (.ci/run installs it).");
        Skip.If(!File.Exists("/usr/bin/pdftoppm"), "poppler-utils is not installed (.ci/run installs it).");
    }

    static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program}: {await error}");
        return await output;
    }

    /// <summary>A contents line as pdftotext -layout prints it: the heading, space, the page number.</summary>
    [GeneratedRegex(@"^\s*(?<heading>\S.*?\S)\s{2,}(?<page>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ContentsLine();
}
