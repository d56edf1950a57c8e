using System.Text.RegularExpressions;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Ingest.Internal;
using nietras.SeparatedValues;

namespace Csa.Ingest.Geography;

/// <summary>Reads ONS lookup CSVs as ONS publishes them, recognising the kind by its column names.</summary>
/// <remarks>
/// Three kinds are read, of any code vintage (the two digits in the column names):
/// LSOA → ward → district (<c>LSOA11CD, LSOA11NM, WDyyCD, WDyyNM, LADyyCD, LADyyNM</c>);
/// district → partnership → police force area (<c>LADyyCD, LADyyNM, CSPyyCD, CSPyyNM, PFAyyCD, PFAyyNM</c>);
/// and 2011 → 2021 LSOA (<c>LSOA11CD, LSOA21CD, LSOA21NM</c>). Other columns (FID, ObjectId, Welsh names)
/// are ignored; a byte-order mark is dropped.
/// </remarks>
public static partial class GeographyLookupReader
{
    /// <summary>Reads and validates a lookup file.</summary>
    /// <exception cref="CsaImportException">The file is not a lookup csa reads, or has bad rows.</exception>
    public static async Task<(GeographyLookup Lookup, SourceFile Source)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (text, source) = await InputFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        var issues = new List<ImportIssue>();
        var lookup = Parse(text, path, issues);
        if (issues.Count > 0 || lookup is null)
        {
            throw new CsaImportException(issues);
        }

        return (lookup, source);
    }

    static GeographyLookup? Parse(string text, string path, List<ImportIssue> issues)
    {
        if (text.Length == 0)
        {
            issues.Add(new ImportIssue(path, 0, "the file is empty: it has no header line"));
            return null;
        }

        using var reader = InputFile.Csv(text, path);
        var names = reader.Header.ColNames;
        string? Find(string pattern) => names.FirstOrDefault(n => Regex.IsMatch(n, "^" + pattern + "$", RegexOptions.CultureInvariant));

        var lsoa11 = Find("LSOA11CD");
        var ward = Find(@"WD\d\dCD");
        var district = Find(@"LAD\d\dCD");
        var partnership = Find(@"CSP\d\dCD");
        var force = Find(@"PFA\d\dCD");
        var lsoa21 = Find("LSOA21CD");
        var rows = new LookupRows(reader, path, issues);
        if (lsoa11 is not null && ward is not null && district is not null)
        {
            var list = rows.Read([lsoa11, Name(lsoa11), ward, Name(ward), district, Name(district)], lsoa11, v => new LsoaWardDistrict(v[0], v[1], v[2], v[3], v[4], v[5]));
            return new LsoaWardDistrictLookup($"{Vintage(ward)}/{Vintage(district)}", list);
        }

        if (district is not null && partnership is not null && force is not null)
        {
            // Real lookups list a district once per partnership it falls in (East Suffolk in Suffolk Coastal and Waveney in 2019).
            var list = rows.Read([district, Name(district), partnership, Name(partnership), force, Name(force)], null, v => new DistrictHierarchy(v[0], v[1], v[2], v[3], v[4], v[5]));
            RequireUnique(list, d => $"{d.DistrictCode} {d.PartnershipCode}", "district and partnership", path, issues);
            return new DistrictHierarchyLookup($"{Vintage(district)}/{Vintage(partnership)}/{Vintage(force)}", list)
            {
                Warnings = [.. list.GroupBy(d => d.DistrictCode).Where(g => g.Count() > 1).Select(g =>
                    $"{g.Key} {g.First().DistrictName} lies in {g.Count()} partnerships ({string.Join(", ", g.Select(d => d.PartnershipName))}): " +
                    "a lookup of whole districts cannot split it, so each of them counts the whole district.")],
            };
        }

        if (lsoa11 is not null && lsoa21 is not null)
        {
            var list = rows.Read([lsoa11, lsoa21, Name(lsoa21)], null, v => new LsoaVintageLink(v[0], v[1], v[2]));
            return new LsoaVintageLookup("LSOA11/LSOA21", list);
        }

        issues.Add(new ImportIssue(path, 1,
            "not an ONS lookup csa reads: expected columns LSOA11CD, WDyyCD and LADyyCD (LSOA → ward → district), " +
            $"LADyyCD, CSPyyCD and PFAyyCD (district → partnership → force area), or LSOA11CD and LSOA21CD; found {string.Join(", ", names)}"));
        return null;
    }

    static void RequireUnique<T>(List<T> rows, Func<T, string> key, string what, string path, List<ImportIssue> issues)
    {
        foreach (var repeated in rows.GroupBy(key).Where(g => g.Count() > 1))
        {
            issues.Add(new ImportIssue(path, 0, $"the {what} {repeated.Key} is listed {repeated.Count()} times"));
        }
    }

    static string Name(string codeColumn) => codeColumn[..^2] + "NM";

    static string Vintage(string codeColumn) => codeColumn[..^2];

    /// <summary>Reads the named columns of every row, checking that none is empty, that code columns look like ONS codes, and that the key column has no repeats.</summary>
    sealed class LookupRows(SepReader reader, string path, List<ImportIssue> issues)
    {
        public List<T> Read<T>(string[] columns, string? uniqueColumn, Func<string[], T> create)
        {
            var header = reader.Header;
            var missing = columns.Where(c => !header.ColNames.Contains(c)).ToArray();
            if (missing.Length > 0)
            {
                issues.Add(new ImportIssue(path, 1, $"missing column{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}"));
                return [];
            }

            var indexes = columns.Select(c => header.IndexOf(c)).ToArray();
            var keyIndex = uniqueColumn is null ? -1 : Array.IndexOf(columns, uniqueColumn);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var result = new List<T>();
            foreach (var row in reader)
            {
                var line = row.LineNumberFrom;
                if (row.ColCount < header.ColNames.Count)
                {
                    issues.Add(new ImportIssue(path, line, $"truncated row: {row.ColCount} fields where the header has {header.ColNames.Count}"));
                    continue;
                }

                var values = new string[indexes.Length];
                for (var i = 0; i < indexes.Length; i++)
                {
                    values[i] = row[indexes[i]].ToString().Trim();
                }

                var bad = false;
                for (var i = 0; i < columns.Length; i++)
                {
                    if (values[i].Length == 0)
                    {
                        issues.Add(new ImportIssue(path, line, $"{columns[i]} is empty"));
                        bad = true;
                    }
                    else if (columns[i].EndsWith("CD", StringComparison.Ordinal) && !OnsCode().IsMatch(values[i]))
                    {
                        issues.Add(new ImportIssue(path, line, $"{columns[i]} '{values[i]}' is not an ONS code (a letter and eight digits)"));
                        bad = true;
                    }
                }

                if (bad)
                {
                    continue;
                }

                if (keyIndex >= 0 && !seen.TryAdd(values[keyIndex], line))
                {
                    issues.Add(new ImportIssue(path, line, $"{columns[keyIndex]} {values[keyIndex]} is already on line {seen[values[keyIndex]]}"));
                    continue;
                }

                result.Add(create(values));
            }

            return result;
        }
    }

    [GeneratedRegex(@"^[EWSNK]\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex OnsCode();
}
