using Csa.Analysis;
using Csa.Reporting.Assessment;
using Csa.Tests;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Csa.Reporting.Tests.Assessment;

/// <summary>The Word document: valid to the Open XML SDK's validator (what Word would refuse), in Word's own styles, with a
/// contents field, Word tables with their grid, figures with alt text and captions, and page numbers.</summary>
public sealed class WordDocumentTests(ReportStoreFixture fixture) : IClassFixture<ReportStoreFixture>
{
    [Theory]
    [InlineData("report-seed-violence.json", false)]
    [InlineData("report-northumbria-newcastle.json", false)]
    [InlineData("report-template.json", true)]
    public async Task TheDocx_IsValid_AndHoldsTheDocument(string config, bool draft)
    {
        using var scratch = TestPaths.NewScratchFolder();
        var report = await new AssessmentBuilder(new Analyses(fixture.Store), draft: draft).BuildAsync(AssessmentConfig.Load(Path.Combine(ReportStoreFixture.Examples, config)));

        var written = await ReportFiles.WriteAsync(report, scratch.File("report"), pdf: false, docx: true);

        using var document = WordprocessingDocument.Open(written.Docx!, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();
        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Take(10)));

        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToArray();
        Assert.Equal(report.Sections.Select(s => s.Heading), headings);
        var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("heading 1", styles["Heading1"].StyleName!.Val!.Value);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);

        if (report.Sections.Any(s => s.Id == "contents"))
        {
            Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.TrimStart().StartsWith("TOC ", StringComparison.Ordinal));
        }

        var tables = body.Elements<Table>().ToArray();
        Assert.Equal(report.Tables.Count(t => t.InHtml), tables.Length);
        foreach (var table in tables)
        {
            var columns = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count();
            Assert.All(table.Elements<TableRow>(), row => Assert.Equal(columns, row.Elements<TableCell>().Count()));
            Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
        }

        var figures = body.Descendants<Dw.DocProperties>().ToArray();
        Assert.Equal(report.Charts.Select(c => c.AltText), figures.Select(f => f.Description!.Value));
        var captions = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Caption").Select(p => p.InnerText).ToArray();
        Assert.Equal(report.Sections.SelectMany(s => s.Blocks).OfType<ChartBlock>().Select(c => c.Caption), captions);

        var footer = document.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");
        Assert.Equal(draft, document.MainDocumentPart.HeaderParts.Any(h => h.Header!.InnerText.Contains("DRAFT", StringComparison.Ordinal)));
    }
}
