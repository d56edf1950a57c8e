using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Csa.Analysis;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using nietras.SeparatedValues;

namespace Csa.Reporting;

/// <summary>Writes a <see cref="ResultTable"/> to csv, xlsx or json: the same columns and rows as on screen, numbers as numbers
/// (a <see cref="FormattedNumber"/> is written as its value: 11.3 where the screen shows "+ 11.3%").</summary>
/// <remarks>
/// csv: a header row, then the rows; numbers in invariant culture, no thousands separators; empty for no
/// figure. xlsx: the table on a sheet named "Table", numbers as numbers, and the title and notes on a
/// sheet named "Notes". json: an array of objects keyed by the column names, numbers as numbers, null for
/// no figure. Each file is written to a temporary name and moved into place, so a failure leaves no
/// partial file.
/// </remarks>
public static class TableFiles
{
    /// <summary>Writes the table as csv (UTF-8, no byte-order mark).</summary>
    public static void WriteCsv(ResultTable table, string path) => WriteAtomically(path, temp =>
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.Count == 0)
        {
            // Sep writes its header with the first row; a table with no rows still gets one.
            File.WriteAllText(temp, string.Join(',', table.Columns.Select(QuoteIfNeeded)) + "\n", Utf8NoBom);
            return;
        }

        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(temp);

        foreach (var cells in table.Rows)
        {
            using var row = writer.NewRow();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                row[table.Columns[i]].Set(cells[i] is string text ? NeutraliseFormula(text) : FormatInvariant(cells[i]));
            }
        }
    });

    /// <summary>Writes the table as an xlsx workbook: sheet "Table" and sheet "Notes".</summary>
    public static void WriteXlsx(ResultTable table, string path) => WriteXlsx([("Table", table)], path);

    /// <summary>Writes tables as one xlsx workbook: a sheet per table (named as given, cut to Excel's 31 characters), then "Notes".</summary>
    /// <remarks>Numbers are numbers with thousands separators (<c>#,##0</c>, one decimal for fractions); the header row is frozen.</remarks>
    public static void WriteXlsx(IReadOnlyList<(string SheetName, ResultTable Table)> sheets, string path) => WriteAtomically(path, temp =>
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var workbook = new Dictionary<string, object>();
        var notes = new List<Dictionary<string, object?>>();
        var formats = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (sheetName, table) in sheets)
        {
            workbook[SheetName(sheetName, workbook.Keys)] = table.Rows.Select(cells =>
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    row[table.Columns[i]] = cells[i] is FormattedNumber f ? f.Value : cells[i];
                }

                return row;
            }).ToList();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (table.Rows.Any(r => r[i] is double or FormattedNumber))
                {
                    formats[table.Columns[i]] = "#,##0.0";
                }
                else if (table.Rows.Any(r => r[i] is long))
                {
                    formats.TryAdd(table.Columns[i], "#,##0");
                }
            }

            notes.Add(new() { ["Notes"] = table.Title });
            notes.AddRange(table.Notes.Select(note => new Dictionary<string, object?> { ["Notes"] = note }));
        }

        workbook["Notes"] = notes;
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            FastMode = true,
            EnableAutoWidth = true,
            DynamicColumns = [.. formats.Select(f => new DynamicExcelColumn(f.Key) { Format = f.Value })],
        };
        MiniExcel.SaveAs(temp, workbook, excelType: ExcelType.XLSX, configuration: configuration, overwriteFile: true);

        // The same tables give the same bytes: no write time, no random relationship names.
        Core.Files.ReproducibleZip.Normalise(temp);
    });

    static string SheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c)]).Trim();
        clean = clean.Length > 31 ? clean[..31] : clean;
        var unique = clean;
        for (var n = 2; taken.Contains(unique, StringComparer.OrdinalIgnoreCase); n++)
        {
            unique = clean[..Math.Min(clean.Length, 28)] + $" {n}";
        }

        return unique;
    }

    /// <summary>Writes the table as json: an array of objects keyed by the column names.</summary>
    public static void WriteJson(ResultTable table, string path) => WriteAtomically(path, temp =>
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = File.Create(temp);
        // Relaxed escaping keeps "+ 11.3%" and "–" readable; the file is data, never embedded in HTML.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var cells in table.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                json.WritePropertyName(table.Columns[i]);
                switch (cells[i])
                {
                    case null: json.WriteNullValue(); break;
                    case long n: json.WriteNumberValue(n); break;
                    case double d: json.WriteNumberValue(d); break;
                    case FormattedNumber { Value: { } v }: json.WriteNumberValue(v); break;
                    case FormattedNumber: json.WriteNullValue(); break;
                    default: json.WriteStringValue(Convert.ToString(cells[i], CultureInfo.InvariantCulture)); break;
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>Text as csv writes it: a text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab
    /// or a carriage return: OWASP's rule for CSV injection) gets a leading apostrophe, so it stays text. Numbers are
    /// numbers in csa's tables, so only text from data (names, labels, notes) is ever changed.</summary>
    public static string NeutraliseFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
    }

    /// <summary>A cell as csv writes it: invariant culture, empty for no figure.</summary>
    public static string FormatInvariant(object? cell) => cell switch
    {
        null => string.Empty,
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        FormattedNumber f => f.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    static void WriteAtomically(string path, Action<string> write) => Core.Files.OutputPath.WriteAtomically(path, write);

    static string QuoteIfNeeded(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    static readonly Encoding Utf8NoBom = new UTF8Encoding(false);
}
