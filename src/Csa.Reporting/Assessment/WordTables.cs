using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Csa.Reporting.Assessment;

/// <summary>A report table as Word writes one: its title above, a Word table (properties, a grid column per column, a header
/// row repeated on every page it runs onto, rows that do not split), and its notes below.</summary>
static class WordTables
{
    /// <summary>The narrowest a column may be, in twips (about 1.4 cm).</summary>
    const int MinimumColumn = 800;

    public static IEnumerable<OpenXmlElement> Table(TableBlock block)
    {
        var table = block.Printed;
        yield return WordReportWriter.Paragraph(table.Title, "TableCaption");
        var widths = ColumnWidths(table);
        var word = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0" }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var numeric = Enumerable.Range(0, table.Columns.Count).Select(i => table.Rows.Any(r => Analysis.ResultTable.IsNumber(r[i]))).ToArray();
        word.Append(Row([.. table.Columns], widths, numeric, header: true));
        foreach (var row in table.Rows)
        {
            word.Append(Row([.. row.Select(Analysis.ResultTable.CellText)], widths, numeric, header: false));
        }

        yield return word;
        foreach (var note in table.Notes)
        {
            yield return WordReportWriter.Paragraph(note, "Notes");
        }
    }

    static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool[] numeric, bool header)
    {
        var row = new TableRow(header
            ? new TableRowProperties(new CantSplit(), new TableHeader())
            : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Count; i++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (header)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E8F1F8" });
            }

            var paragraph = new Paragraph(new ParagraphProperties(
                new ParagraphStyleId { Val = "TableText" },
                new Justification { Val = numeric[i] ? JustificationValues.Right : JustificationValues.Left }));
            var run = new Run(new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve });
            if (header)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            paragraph.Append(run);
            row.Append(new TableCell(properties, paragraph));
        }

        return row;
    }

    /// <summary>Column widths in proportion to each column's longest text (header or cell, capped), filling the text width.</summary>
    static int[] ColumnWidths(Analysis.ResultTable table)
    {
        var lengths = Enumerable.Range(0, table.Columns.Count)
            .Select(i => Math.Min(40, Math.Max(Longest(table.Columns[i]), table.Rows.Select(r => Analysis.ResultTable.CellText(r[i]).Length).DefaultIfEmpty(0).Max())) + 2.0)
            .ToArray();
        var total = lengths.Sum();
        var widths = lengths.Select(l => Math.Max(MinimumColumn, (int)(WordReportWriter.TextWidth * l / total))).ToArray();
        var over = widths.Sum() - WordReportWriter.TextWidth;
        if (over > 0)
        {
            // The minimum widened narrow columns: take the excess from the widest.
            widths[Array.IndexOf(widths, widths.Max())] -= over;
        }

        return widths;
    }

    /// <summary>A header's longest word: headers wrap between words, so a column need be no wider than that.</summary>
    static int Longest(string header) => header.Split(' ').Max(w => w.Length);
}
