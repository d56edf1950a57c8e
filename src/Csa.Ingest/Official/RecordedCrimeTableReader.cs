using System.Globalization;
using Csa.Core.Importing;
using Csa.Core.Official;
using Csa.Ingest.Internal;
using MiniExcelLibs;

namespace Csa.Ingest.Official;

/// <summary>Reads a Home Office police recorded crime open data table, force or partnership level, in every form it has been
/// published in: CSV, xlsx or ODS (one sheet per financial year, named like <c>2022_23</c>, beside a <c>Notes</c> sheet, which
/// is passed over); area column <c>Force Name</c>, <c>Police Force</c> or <c>CSP Name</c>; count column
/// <c>Number of Offences</c> or <c>Offence Count</c>, with spaces around it or negative (adjustments, kept).</summary>
/// <remarks>In a workbook, a sheet's header is the first row that names the columns (title rows above it are skipped); a sheet
/// with no such row is passed over, and a file with none at all is refused. All or nothing: every problem is reported with its
/// file (and sheet) and row, and no row is returned when there is one.</remarks>
public static class RecordedCrimeTableReader
{
    /// <summary>Reads every row of the table.</summary>
    /// <exception cref="CsaImportException">The file is not such a table, or has bad rows.</exception>
    public static async Task<(RecordedCrimeLevel Level, IReadOnlyList<RecordedCrimeRow> Rows, SourceFile Source)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CsaImportException([new ImportIssue(path, 0, "no such file")]);
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".csv")
        {
            var (text, source) = await InputFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
            var (level, rows) = Read(path, [(path, CsvRows(text, path))]);
            return (level, rows, source);
        }

        var sheets = extension switch
        {
            ".ods" => OdsSheets.Read(path).Select(s => ($"{path}!{s.Name}", s.Rows)),
            ".xlsx" => XlsxSheets(path),
            _ => throw new CsaImportException([new ImportIssue(path, 0, "not a table csa reads: give the Home Office's .ods, .xlsx or .csv")]),
        };
        (RecordedCrimeLevel Level, IReadOnlyList<RecordedCrimeRow> Rows) read;
        try
        {
            read = Read(path, sheets);
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or InvalidOperationException or FormatException)
        {
            // A damaged workbook (broken XML, a bad zip entry): an input problem, named, never a crash.
            throw new CsaImportException([new ImportIssue(path, 0, $"not a readable {extension[1..]} workbook ({e.Message})")]);
        }

        var file = await TextFile.ChecksumAsync(path, cancellationToken).ConfigureAwait(false);
        return (read.Level, read.Rows, file);
    }

    static (RecordedCrimeLevel Level, IReadOnlyList<RecordedCrimeRow> Rows) Read(string path, IEnumerable<(string Name, IEnumerable<(int Row, string[] Cells)> Rows)> sheets)
    {
        var issues = new List<ImportIssue>();
        var rows = new List<RecordedCrimeRow>();
        var pool = new StringPool();
        RecordedCrimeLevel? level = null;
        foreach (var (name, sheetRows) in sheets)
        {
            RecordedCrimeColumns? columns = null;
            foreach (var (line, cells) in sheetRows)
            {
                if (columns is null)
                {
                    columns = RecordedCrimeColumns.TryMap(cells);
                    if (columns is not null && level is not null && columns.Level != level)
                    {
                        issues.Add(new ImportIssue(name, line, $"this sheet is at {columns.Level} level where the file's first is at {level} level"));
                    }

                    level ??= columns?.Level;
                    continue;
                }

                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (columns.Read(cells, name, line, issues) is { } row && issues.Count == 0)
                {
                    rows.Add(row with
                    {
                        Area = pool.Get(row.Area),
                        OffenceCode = pool.Get(row.OffenceCode),
                        OffenceDescription = pool.Get(row.OffenceDescription),
                        OffenceGroup = pool.Get(row.OffenceGroup),
                        OffenceSubgroup = pool.Get(row.OffenceSubgroup),
                    });
                }
            }
        }

        if (level is null)
        {
            issues.Add(new ImportIssue(path, 1, $"not a Home Office police recorded crime table: no sheet has a header naming {RecordedCrimeColumns.Expected}"));
        }
        else if (rows.Count == 0 && issues.Count == 0)
        {
            issues.Add(new ImportIssue(path, 0, "the table has no rows"));
        }

        return issues.Count > 0 ? throw new CsaImportException(issues) : (level!.Value, rows);
    }

    static IEnumerable<(int Row, string[] Cells)> CsvRows(string text, string path)
    {
        using var reader = InputFile.Csv(text, path, hasHeader: false);
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            yield return (row.LineNumberFrom, cells);
        }
    }

    static IEnumerable<(string Name, IEnumerable<(int Row, string[] Cells)> Rows)> XlsxSheets(string path)
    {
        IReadOnlyList<string> names;
        try
        {
            names = MiniExcel.GetSheetNames(path);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new CsaImportException([new ImportIssue(path, 0, $"not a readable xlsx workbook ({e.Message})")]);
        }

        foreach (var name in names)
        {
            yield return ($"{path}!{name}", XlsxRows(path, name));
        }
    }

    static IEnumerable<(int Row, string[] Cells)> XlsxRows(string path, string sheet)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet))
        {
            number++;
            yield return (number, row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).ToArray());
        }
    }
}
