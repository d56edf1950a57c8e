using System.IO.Compression;
using System.Text;
using System.Xml;
using Csa.Core.Importing;

namespace Csa.Ingest.Official;

/// <summary>Reads the sheets of an OpenDocument spreadsheet (.ods) as rows of text, streaming: the zip entry
/// <c>content.xml</c> is read with an <see cref="XmlReader"/>, one row at a time, so memory stays bounded however large the
/// sheet (the Home Office's partnership table holds about 1.4 GB of XML).</summary>
/// <remarks>A cell's text is its <c>office:value</c> for numbers, else its paragraphs (<c>text:s</c> spaces and tabs
/// kept). Repeated cells and rows are expanded only where something follows them, so that the usual million empty
/// trailing rows cost nothing. Row numbers are the spreadsheet's own (1-based).</remarks>
static class OdsSheets
{
    const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /// <summary>A sheet's rows: the row number and the cells' text.</summary>
    public sealed record Sheet(string Name, IEnumerable<(int Row, string[] Cells)> Rows);

    /// <summary>The sheets of the spreadsheet, in order; each sheet's rows must be read before the next sheet is asked for.</summary>
    /// <exception cref="CsaImportException">The file is not an OpenDocument spreadsheet.</exception>
    public static IEnumerable<Sheet> Read(string path)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new CsaImportException([new ImportIssue(path, 0, $"not an OpenDocument spreadsheet: not a readable zip archive ({e.Message})")]);
        }

        using (archive)
        {
            var content = archive.GetEntry("content.xml") ?? throw new CsaImportException([new ImportIssue(path, 0, "not an OpenDocument spreadsheet: it has no content.xml")]);
            using var stream = content.Open();
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (ReadToNextTable(xml))
            {
                var name = xml.GetAttribute("name", TableNs) ?? string.Empty;
                var sheet = new Sheet(name, RowsOf(xml.ReadSubtree()));
                yield return sheet;
                foreach (var _ in sheet.Rows)
                {
                    // Rows the caller did not read are passed over, so that the next table can be found.
                }
            }
        }
    }

    static bool ReadToNextTable(XmlReader xml)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "table" && xml.NamespaceURI == TableNs)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rows of one table, read from a reader positioned on its element; a second enumeration yields nothing.</summary>
    static IEnumerable<(int Row, string[] Cells)> RowsOf(XmlReader table)
    {
        using (table)
        {
            var rowNumber = 0;
            while (table.Read())
            {
                if (table.NodeType != XmlNodeType.Element || table.LocalName != "table-row" || table.NamespaceURI != TableNs)
                {
                    continue;
                }

                var repeat = Repeats(table, "number-rows-repeated");
                var cells = table.IsEmptyElement ? [] : CellsOf(table.ReadSubtree());
                if (cells.Length == 0)
                {
                    rowNumber += repeat;
                    continue;
                }

                for (var i = 0; i < repeat; i++)
                {
                    yield return (++rowNumber, cells);
                }
            }
        }
    }

    static string[] CellsOf(XmlReader row)
    {
        using (row)
        {
            var cells = new List<string>();
            var pendingEmpty = 0;
            row.Read(); // the row element itself
            while (row.Read())
            {
                if (row.NodeType != XmlNodeType.Element || row.NamespaceURI != TableNs || (row.LocalName != "table-cell" && row.LocalName != "covered-table-cell"))
                {
                    continue;
                }

                var repeat = Repeats(row, "number-columns-repeated");
                var value = CellText(row);
                if (value.Length == 0)
                {
                    pendingEmpty += repeat;
                    continue;
                }

                cells.AddRange(Enumerable.Repeat(string.Empty, pendingEmpty));
                pendingEmpty = 0;
                cells.AddRange(Enumerable.Repeat(value, Math.Min(repeat, 16_384)));
            }

            return [.. cells];
        }
    }

    static string CellText(XmlReader cell)
    {
        var type = cell.GetAttribute("value-type", OfficeNs);
        var number = type is "float" or "percentage" or "currency" ? cell.GetAttribute("value", OfficeNs) : null;
        if (cell.IsEmptyElement)
        {
            return number ?? string.Empty;
        }

        var text = new StringBuilder();
        var paragraphs = 0;
        using (var inner = cell.ReadSubtree())
        {
            while (inner.Read())
            {
                if (inner.NodeType == XmlNodeType.Element && inner.NamespaceURI == TextNs)
                {
                    switch (inner.LocalName)
                    {
                        case "p" when paragraphs++ > 0:
                            text.Append('\n');
                            break;
                        case "s":
                            text.Append(' ', Math.Min(Repeats(inner, "c", TextNs), 1_000));
                            break;
                        case "tab":
                            text.Append('\t');
                            break;
                        case "line-break":
                            text.Append('\n');
                            break;
                    }
                }
                else if (inner.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace && paragraphs > 0)
                {
                    text.Append(inner.Value);
                }
            }
        }

        return number ?? text.ToString();
    }

    static int Repeats(XmlReader element, string attribute, string ns = TableNs) =>
        int.TryParse(element.GetAttribute(attribute, ns), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
}
