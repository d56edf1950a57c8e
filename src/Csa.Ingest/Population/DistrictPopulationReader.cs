using System.Globalization;
using Csa.Core.Importing;
using Csa.Core.Population;
using Csa.Ingest.Internal;
using MiniExcelLibs;

namespace Csa.Ingest.Population;

/// <summary>Reads ONS mid-year population estimates by local authority district for many years: the published workbook
/// (sheet MYE4: a row per area, a column per year <c>Mid-2023</c> … <c>Mid-2011</c>, under title rows) or its long CSV
/// (<c>lad23cd, lad23nm, …, year, population</c>). Only districts are kept (codes E06, E07, E08, E09, W06); the country,
/// region and county rows are passed over.</summary>
public static class DistrictPopulationReader
{
    static readonly string[] DistrictPrefixes = ["E06", "E07", "E08", "E09", "W06"];

    /// <summary>Whether the file is a district estimate file csa reads here: a workbook, or a CSV with a LAD code column and a year column.</summary>
    public static bool Recognises(string path, string? firstLine)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var columns = (firstLine ?? string.Empty).Split(',').Select(c => c.Trim().ToLowerInvariant()).ToArray();
        return columns.Any(IsDistrictCodeColumn) && columns.Contains("year");
    }

    /// <summary>Reads every district estimate of the file.</summary>
    /// <exception cref="CsaImportException">The file is not such a file, or has bad rows.</exception>
    public static async Task<(IReadOnlyList<DistrictEstimate> Estimates, SourceFile Source)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var issues = new List<ImportIssue>();
        List<DistrictEstimate> estimates;
        SourceFile source;
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(path))
            {
                throw new CsaImportException([new ImportIssue(path, 0, "no such file")]);
            }

            try
            {
                estimates = ReadWorkbook(path, issues);
            }
            catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or InvalidOperationException or FormatException)
            {
                throw new CsaImportException([new ImportIssue(path, 0, $"not a readable xlsx workbook ({e.Message})")]);
            }

            source = await TextFile.ChecksumAsync(path, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (var text, source) = await InputFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
            estimates = ReadLongCsv(text, path, issues);
        }

        foreach (var repeated in estimates.GroupBy(e => (e.Code, e.Year)).Where(g => g.Count() > 1))
        {
            issues.Add(new ImportIssue(path, 0, $"{repeated.Key.Code} has {repeated.Count()} estimates for mid-{repeated.Key.Year}"));
        }

        if (estimates.Count == 0 && issues.Count == 0)
        {
            issues.Add(new ImportIssue(path, 0, "no district estimates found (codes E06, E07, E08, E09, W06)"));
        }

        return issues.Count > 0 ? throw new CsaImportException(issues) : (estimates, source);
    }

    static bool IsDistrictCodeColumn(string column) => column.StartsWith("lad", StringComparison.Ordinal) && column.EndsWith("cd", StringComparison.Ordinal);

    static bool IsDistrict(string code) => DistrictPrefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal));

    static List<DistrictEstimate> ReadLongCsv(string text, string path, List<ImportIssue> issues)
    {
        using var reader = InputFile.Csv(text, path);
        var header = reader.Header.ColNames.Select(c => c.Trim().ToLowerInvariant()).ToArray();
        var (code, name, year, population) = (Array.FindIndex(header, IsDistrictCodeColumn), Array.FindIndex(header, h => h.StartsWith("lad", StringComparison.Ordinal) && h.EndsWith("nm", StringComparison.Ordinal)), Array.IndexOf(header, "year"), Array.IndexOf(header, "population"));
        var estimates = new List<DistrictEstimate>();
        if (code < 0 || year < 0 || population < 0)
        {
            issues.Add(new ImportIssue(path, 1, "the header needs a district code column (lad23cd), year and population"));
            return estimates;
        }

        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var codeText = row[code].ToString().Trim();
            if (!IsDistrict(codeText))
            {
                continue;
            }

            if (!int.TryParse(row[year].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 2999)
            {
                issues.Add(new ImportIssue(path, line, $"'{row[year]}' is not a year"));
            }
            else if (!double.TryParse(row[population].ToString().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p < 0)
            {
                issues.Add(new ImportIssue(path, line, $"'{row[population]}' is not a population"));
            }
            else
            {
                estimates.Add(new DistrictEstimate(codeText, name >= 0 ? row[name].ToString().Trim() : codeText, y, p));
            }
        }

        return estimates;
    }

    static List<DistrictEstimate> ReadWorkbook(string path, List<ImportIssue> issues)
    {
        var estimates = new List<DistrictEstimate>();
        IReadOnlyList<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(path);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            issues.Add(new ImportIssue(path, 0, $"not a readable xlsx workbook ({e.Message})"));
            return estimates;
        }

        if (!sheets.Contains("MYE4"))
        {
            issues.Add(new ImportIssue(path, 0, "the workbook has no sheet MYE4 (population estimates, mid-2011 onwards): give ONS's mid-year estimates workbook, or its long CSV"));
            return estimates;
        }

        var where = $"{path}!MYE4";
        Dictionary<int, int>? years = null; // column → year
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: "MYE4"))
        {
            number++;
            var cells = row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty).ToArray();
            if (years is null)
            {
                if (cells.Length > 3 && cells[0] == "Code")
                {
                    years = cells.Select((c, i) => (c, i)).Where(p => p.c.StartsWith("Mid-", StringComparison.Ordinal) && int.TryParse(p.c.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                        .ToDictionary(p => p.i, p => int.Parse(p.c.AsSpan(4), CultureInfo.InvariantCulture));
                }

                continue;
            }

            if (cells.Length == 0 || !IsDistrict(cells[0]))
            {
                continue;
            }

            foreach (var (column, year) in years)
            {
                if (column < cells.Length && double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var population) && population >= 0)
                {
                    estimates.Add(new DistrictEstimate(cells[0], cells[1], year, population));
                }
                else
                {
                    issues.Add(new ImportIssue(where, number, $"{cells[0]}: '{(column < cells.Length ? cells[column] : string.Empty)}' is not a population for mid-{year}"));
                }
            }
        }

        if (years is null)
        {
            issues.Add(new ImportIssue(where, 0, "no header row (Code, Name, Geography, Mid-2023, …) found"));
        }

        return estimates;
    }
}
