using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Csa.Reporting.Assessment;

/// <summary>The Word document's styles: Word's own names (Title, Heading 1, Caption, List Bullet, TOC 1, Table Grid) so that an
/// analyst's template and Word's navigation pane treat them as Word's, in the HTML document's colours and font.</summary>
static class WordStyles
{
    const string Font = "DejaVu Sans";
    const string Accent = "0072B2";

    /// <summary>The bullet list's numbering instance (see <see cref="Numbering"/>).</summary>
    public const int BulletList = 1;

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "19" },
                new FontSizeComplexScript { Val = "19" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle("Normal", "Normal", null, isDefault: true),
        ParagraphStyle("Title", "Title", new ParagraphProperties(new SpacingBetweenLines { After = "80" }), Run(bold: true, size: 40)),
        ParagraphStyle("Subtitle", "Subtitle", null, Run(size: 22, color: "444444")),
        ParagraphStyle(
            "Heading1",
            "heading 1",
            new ParagraphProperties(
                new KeepNext(),
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12U, Space = 2U, Color = Accent }),
                new SpacingBetweenLines { Before = "360", After = "120" },
                new OutlineLevel { Val = 0 }),
            Run(bold: true, size: 30)),
        ParagraphStyle("Heading2", "heading 2", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = 1 }), Run(bold: true, size: 24)),
        ParagraphStyle("Heading3", "heading 3", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "160", After = "60" }, new OutlineLevel { Val = 2 }), Run(bold: true, size: 20)),
        ParagraphStyle("Caption", "caption", new ParagraphProperties(new SpacingBetweenLines { After = "200" }), Run(italic: true, size: 17)),
        ParagraphStyle("TableCaption", "Table Caption", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "160", After = "60" }), Run(bold: true, size: 18)),
        ParagraphStyle("TableText", "Table Text", new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }), Run(size: 15)),
        ParagraphStyle("Notes", "Notes", new ParagraphProperties(new SpacingBetweenLines { After = "40" }), Run(size: 14, color: "444444")),
        ParagraphStyle("Narrative", "Analyst Text", new ParagraphProperties(new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 18U, Space = 6U, Color = "999999" }), new Indentation { Left = "160" })),
        ParagraphStyle("Warning", "Warning", new ParagraphProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "E69F00", Color = "auto" }), Run(bold: true)),
        ParagraphStyle(
            "ListBullet",
            "List Bullet",
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList }), new Indentation { Left = "360", Hanging = "360" })),
        ParagraphStyle("TOC1", "toc 1", new ParagraphProperties(new SpacingBetweenLines { After = "60" })),
        ParagraphStyle("Footer", "footer", new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Run(size: 16, color: "444444")),
        ParagraphStyle("DraftMark", "Draft Mark", new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Run(bold: true, size: 56, color: "D55E00")),
        new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "BBBBBB" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "BBBBBB" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "BBBBBB" },
                    new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "BBBBBB" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "BBBBBB" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "BBBBBB" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        {
            Type = StyleValues.Table,
            StyleId = "TableGrid",
        });

    /// <summary>The numbering of bullet lists.</summary>
    public static Numbering Numbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 0 },
        new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = BulletList });

    static Style ParagraphStyle(string id, string name, ParagraphProperties? paragraph, StyleRunProperties? run = null, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = OnOffValue.FromBoolean(true);
        }
        else
        {
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(new StyleParagraphProperties(paragraph.Elements().Select(e => e.CloneNode(true))));
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    static StyleRunProperties Run(bool bold = false, bool italic = false, int? size = null, string? color = null)
    {
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        if (color is not null)
        {
            run.Append(new Color { Val = color });
        }

        if (size is { } half)
        {
            run.Append(new FontSize { Val = half.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = half.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return run;
    }
}
