using Csa.Reporting.Charts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Csa.Reporting.Assessment;

/// <summary>Writes an assessment as a Word document (Open XML SDK) that a partnership can edit and circulate: Word's own
/// heading styles (so the navigation pane and the contents work), a contents field Word fills in when the document is
/// opened, tables as Word tables with their grid and a header row repeated on every page, figures as images with alt text
/// and captions, page numbers in the footer, and a DRAFT mark in the header of every page of a draft.</summary>
/// <remarks>Every relationship has a fixed name and the package's entries a fixed time stamp
/// (<see cref="Core.Files.ReproducibleZip"/>), so the same report gives the same bytes.</remarks>
public static class WordReportWriter
{
    /// <summary>The text width of an A4 page with 2 cm margins, in twentieths of a point.</summary>
    const int TextWidthTwips = 11906 - (2 * 1134);

    /// <summary>EMUs per twip (914,400 per inch; 1,440 twips per inch).</summary>
    const long EmuPerTwip = 635;

    /// <summary>Writes the document to <paramref name="path"/>.</summary>
    public static void Write(AssessmentReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = WordStyles.Create();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering");
            numbering.Numbering = WordStyles.Numbering();
            var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
            // Word fills in the contents (and the page numbers in it) when the document is opened.
            settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = PageNumberFooter();
            HeaderPart? header = null;
            if (report.Draft)
            {
                header = main.AddNewPart<HeaderPart>("rIdHeader");
                header.Header = DraftHeader();
            }

            var body = new Body();
            Cover(report, body);
            var figures = 0;
            foreach (var section in report.Sections)
            {
                body.Append(Paragraph(section.Heading, "Heading1"));
                if (section.NarrativeHtml is not null && NarrativeFile.Text(report.Config, section.Id) is { } markdown)
                {
                    foreach (var paragraph in WordMarkdown.Paragraphs(markdown))
                    {
                        body.Append(paragraph);
                    }
                }

                if (section.Id == "contents")
                {
                    body.Append(ContentsField(report));
                }

                foreach (var block in section.Blocks)
                {
                    switch (block)
                    {
                        case ParagraphBlock p:
                            body.Append(Paragraph(p.Text));
                            break;
                        case FindingsBlock f:
                            foreach (var finding in f.Findings)
                            {
                                body.Append(Paragraph(finding.Sentence, "ListBullet"));
                            }

                            break;
                        case ChartBlock chart:
                            figures++;
                            body.Append(Figure(main, chart.Chart, figures));
                            body.Append(Paragraph(chart.Caption, "Caption"));
                            break;
                        case TableBlock { InHtml: true } t:
                            foreach (var element in WordTables.Table(t))
                            {
                                body.Append(element);
                            }

                            break;
                    }
                }
            }

            body.Append(Paragraph("Made by csa from the files listed in the data sources appendix. Contains public sector information licensed under the Open Government Licence v3.0.", "Notes"));
            body.Append(PageSetup(header is not null));
            main.Document = new Document(body);
            main.Document.Save();
        }

        Core.Files.ReproducibleZip.Normalise(path);
    }

    static void Cover(AssessmentReport report, Body body)
    {
        var c = report.Config;
        body.Append(Paragraph(c.Title, "Title"));
        body.Append(Paragraph(c.Document.Date is { } date ? $"{c.Partnership} · {date}" : c.Partnership, "Subtitle"));
        body.Append(Paragraph($"{report.AreaName}. Theme: {c.Theme.Name}."));
        if (report.Synthetic)
        {
            body.Append(Paragraph("SYNTHETIC DATA: the local police figures in this document come from a synthetic extract made by csa synth extract. They reproduce the published figures of the model document; they are not real crime records.", "Warning"));
        }

        if (report.Draft)
        {
            body.Append(Paragraph("DRAFT: not for circulation." + (report.Placeholders.Count > 0 ? " Still to write: " + string.Join("; ", report.Placeholders) + "." : string.Empty), "Warning"));
        }
    }

    /// <summary>A paragraph of plain text in a style (Normal when null).</summary>
    internal static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>Word's contents field (headings 1–1), with the headings as its text until Word updates it on opening.</summary>
    static SdtBlock ContentsField(AssessmentReport report)
    {
        var content = new SdtContentBlock();
        var first = true;
        foreach (var section in report.Sections.Where(s => s.Id != "contents"))
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOC1" }));
            if (first)
            {
                paragraph.Append(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
                    new Run(new FieldCode(" TOC \\o \"1-1\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
                first = false;
            }

            paragraph.Append(new Run(new Text(section.Heading) { Space = SpaceProcessingModeValues.Preserve }));
            content.Append(paragraph);
        }

        content.Append(new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        return new SdtBlock(
            new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
            content);
    }

    static Footer PageNumberFooter() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
        new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
        new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));

    static Header DraftHeader() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "DraftMark" }),
        new Run(new Text("DRAFT"))));

    /// <summary>The chart's PNG inline, full text width, its alt text in the drawing's description.</summary>
    static Paragraph Figure(MainDocumentPart main, Chart chart, int number)
    {
        var id = $"rIdFigure{number}";
        var image = main.AddNewPart<ImagePart>("image/png", id);
        using (var stream = new MemoryStream(chart.Png))
        {
            image.FeedData(stream);
        }

        var width = TextWidthTwips * EmuPerTwip;
        var height = width * Chart.Height / Chart.Width;
        var name = $"Figure {number}";
        var picture = new Pic.Picture(
            new Pic.NonVisualPictureProperties(
                new Pic.NonVisualDrawingProperties { Id = 0U, Name = $"{chart.Id}.png", Description = chart.AltText },
                new Pic.NonVisualPictureDrawingProperties()),
            new Pic.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
            new Pic.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width, Cy = height }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new Dw.Inline(
            new Dw.Extent { Cx = width, Cy = height },
            new Dw.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Dw.DocProperties { Id = (uint)number, Name = name, Description = chart.AltText, Title = chart.Title },
            new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Paragraph(
            new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(inline)));
    }

    static SectionProperties PageSetup(bool draft)
    {
        var section = new SectionProperties();
        if (draft)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" });
        }

        section.Append(
            new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U });
        return section;
    }

    /// <summary>The text width, for tables.</summary>
    internal static int TextWidth => TextWidthTwips;
}
