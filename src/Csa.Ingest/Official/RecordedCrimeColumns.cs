using System.Globalization;
using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.Official;

namespace Csa.Ingest.Official;

/// <summary>The columns of a Home Office police recorded crime table, found by their published names in any of its layouts,
/// and the reading of one row of them. Used by every format (CSV, ODS, xlsx), so that each reads the same.</summary>
sealed class RecordedCrimeColumns
{
    static readonly string[][] Required =
    [
        ["Financial Year"], ["Financial Quarter"], ["Offence Description"], ["Offence Group"], ["Offence Subgroup"], ["Offence Code"],
        ["Number of Offences", "Offence Count"],
    ];

    /// <summary>What the header must hold, for error messages.</summary>
    public const string Expected = "Financial Year, Financial Quarter, Force Name (or Police Force, or CSP Name), Offence Description, Offence Group, Offence Subgroup, Offence Code and Number of Offences (or Offence Count)";

    readonly int[] _columns;

    RecordedCrimeColumns(int[] columns, RecordedCrimeLevel level, int width)
    {
        _columns = columns;
        Level = level;
        Width = width;
    }

    /// <summary>The table's level: partnership when it has a CSP Name column, else force.</summary>
    public RecordedCrimeLevel Level { get; }

    /// <summary>The header's number of columns.</summary>
    public int Width { get; }

    /// <summary>The columns of <paramref name="header"/>, or null when it is not such a table's header.</summary>
    public static RecordedCrimeColumns? TryMap(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = header.Select(h => h.Trim()).ToArray();
        int Find(string[] accepted) => Array.FindIndex(names, h => accepted.Contains(h, StringComparer.OrdinalIgnoreCase));
        var partnership = Find(["CSP Name"]);
        var area = partnership >= 0 ? partnership : Find(["Force Name", "Police Force"]);
        var found = Required.Select(Find).ToArray();
        if (area < 0 || found.Any(c => c < 0))
        {
            return null;
        }

        // Order: year, quarter, area, description, group, subgroup, code, count.
        int[] columns = [found[0], found[1], area, found[2], found[3], found[4], found[5], found[6]];
        return new RecordedCrimeColumns(columns, partnership >= 0 ? RecordedCrimeLevel.Partnership : RecordedCrimeLevel.Force, names.Length);
    }

    /// <summary>Reads one row; null (with the problem added to <paramref name="issues"/>) when it is not a valid row.</summary>
    public RecordedCrimeRow? Read(IReadOnlyList<string> row, string file, int line, List<ImportIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(row);
        var needed = _columns.Max() + 1;
        if (row.Count < needed)
        {
            issues.Add(new ImportIssue(file, line, $"truncated row: {row.Count} fields where the header has {Width}"));
            return null;
        }

        string Field(int i) => row[_columns[i]].Trim();
        var countText = Field(7).Replace(" ", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        if (!TryParseYear(Field(0), out var year))
        {
            issues.Add(new ImportIssue(file, line, $"'{Field(0)}' is not a financial year written as 2019/20"));
        }
        else if (!int.TryParse(Field(1), NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
        {
            issues.Add(new ImportIssue(file, line, $"'{Field(1)}' is not a quarter (1 to 4)"));
        }
        else if (!long.TryParse(countText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            issues.Add(new ImportIssue(file, line, $"'{Field(7)}' is not a count (a whole number; adjustments may be negative)"));
        }
        else if (Field(2).Length == 0 || Field(6).Length == 0)
        {
            issues.Add(new ImportIssue(file, line, "a row needs an area and an offence code"));
        }
        else
        {
            return new RecordedCrimeRow(year, quarter, OfficialBodies.Current(Field(2)), Field(6), Field(3), Field(4), Field(5), count, line);
        }

        return null;
    }

    /// <summary>Parses <c>2019/20</c> (or <c>2019_20</c>, as sheets are named) as the financial year starting in April 2019.</summary>
    public static bool TryParseYear(string text, out FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(text);
        year = default;
        if (text.Length != 7 || (text[4] != '/' && text[4] != '_')
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
