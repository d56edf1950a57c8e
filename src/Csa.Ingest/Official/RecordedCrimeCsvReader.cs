using System.Globalization;
using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.Official;
using Csa.Ingest.Internal;

namespace Csa.Ingest.Official;

/// <summary>Reads a Home Office police recorded crime open data table saved as CSV, in any of the layouts it has been
/// published in: the area column <c>Force Name</c> or <c>Police Force</c> (force level) or <c>CSP Name</c> (partnership
/// level); the count column <c>Number of Offences</c> or <c>Offence Count</c>, with spaces around it or negative
/// (adjustments, kept).</summary>
/// <remarks>All or nothing: every problem is reported with its line, and no row is returned when there is one.</remarks>
public static class RecordedCrimeCsvReader
{
    static readonly string[] YearColumns = ["Financial Year"];
    static readonly string[] QuarterColumns = ["Financial Quarter"];
    static readonly string[] ForceColumns = ["Force Name", "Police Force"];
    static readonly string[] PartnershipColumns = ["CSP Name"];
    static readonly string[] DescriptionColumns = ["Offence Description"];
    static readonly string[] GroupColumns = ["Offence Group"];
    static readonly string[] SubgroupColumns = ["Offence Subgroup"];
    static readonly string[] CodeColumns = ["Offence Code"];
    static readonly string[] CountColumns = ["Number of Offences", "Offence Count"];

    /// <summary>Reads every row of the table.</summary>
    /// <exception cref="CsaImportException">The file is not such a table, or has bad rows.</exception>
    public static async Task<(RecordedCrimeLevel Level, IReadOnlyList<RecordedCrimeRow> Rows, SourceFile Source)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (text, source) = await InputFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        var issues = new List<ImportIssue>();
        using var reader = InputFile.Csv(text, path);
        var header = reader.Header.ColNames.Select(n => n.Trim()).ToArray();
        int Column(string[] names) => Array.FindIndex(header, h => names.Contains(h, StringComparer.OrdinalIgnoreCase));

        var force = Column(ForceColumns);
        var partnership = Column(PartnershipColumns);
        var columns = new[] { Column(YearColumns), Column(QuarterColumns), partnership >= 0 ? partnership : force, Column(DescriptionColumns), Column(GroupColumns), Column(SubgroupColumns), Column(CodeColumns), Column(CountColumns) };
        if (columns.Any(c => c < 0))
        {
            throw new CsaImportException([new ImportIssue(path, 1, "not a Home Office police recorded crime table: the header needs Financial Year, Financial Quarter, Force Name (or Police Force, or CSP Name), Offence Description, Offence Group, Offence Subgroup, Offence Code and Number of Offences (or Offence Count)")]);
        }

        var rows = new List<RecordedCrimeRow>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount < header.Length)
            {
                issues.Add(new ImportIssue(path, line, $"truncated row: {row.ColCount} fields where the header has {header.Length}"));
                continue;
            }

            var fields = new string[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                fields[i] = row[columns[i]].ToString().Trim();
            }

            var (yearText, quarterText, countText) = (fields[0], fields[1], fields[7].Replace(" ", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal));
            if (!TryParseYear(yearText, out var year))
            {
                issues.Add(new ImportIssue(path, line, $"'{yearText}' is not a financial year written as 2019/20"));
            }
            else if (!int.TryParse(quarterText, NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
            {
                issues.Add(new ImportIssue(path, line, $"'{quarterText}' is not a quarter (1 to 4)"));
            }
            else if (!long.TryParse(countText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
            {
                issues.Add(new ImportIssue(path, line, $"'{fields[7]}' is not a count (a whole number; adjustments may be negative)"));
            }
            else if (fields[2].Length == 0 || fields[6].Length == 0)
            {
                issues.Add(new ImportIssue(path, line, "a row needs an area and an offence code"));
            }
            else
            {
                rows.Add(new RecordedCrimeRow(year, quarter, OfficialBodies.Current(fields[2]), fields[6], fields[3], fields[4], fields[5], count, line));
            }
        }

        if (rows.Count == 0 && issues.Count == 0)
        {
            issues.Add(new ImportIssue(path, 0, "the table has no rows"));
        }

        return issues.Count > 0
            ? throw new CsaImportException(issues)
            : (partnership >= 0 ? RecordedCrimeLevel.Partnership : RecordedCrimeLevel.Force, rows, source);
    }

    /// <summary>Parses <c>2019/20</c> as the financial year starting in April 2019.</summary>
    static bool TryParseYear(string text, out FinancialYear year)
    {
        year = default;
        if (text.Length != 7 || text[4] != '/'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || start is < 1900 or > 2998 || end != (start + 1) % 100)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }
}
