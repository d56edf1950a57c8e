using Csa.Tests;

namespace Csa.Analysis.Tests;

/// <summary>
/// Counts made straight from the bundled CSV files, with a deliberately simple parser of its own: never
/// through csa's readers or store. The tests compare csa's figures with these.
/// </summary>
static class IndependentCount
{
    /// <summary>The 2011 LSOA codes of a district, from the ONS lookup file.</summary>
    public static HashSet<string> LsoasOfDistrict(string districtCode) =>
        File.ReadLines(TestPaths.LsoaWardDistrict).Skip(1).Select(SplitCsv)
            .Where(f => f[5] == districtCode).Select(f => f[1]).ToHashSet();

    /// <summary>Street rows per (month, crime type) of the Cambridgeshire files whose LSOA is in <paramref name="lsoas"/>.</summary>
    public static Dictionary<(string Month, string CrimeType), int> StreetRowsByMonthAndType(HashSet<string> lsoas) =>
        Directory.EnumerateFiles(TestPaths.Cambridgeshire, "*-street.csv", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Skip(1))
            .Select(SplitCsv)
            .Where(f => lsoas.Contains(f[7]))
            .GroupBy(f => (f[1], f[9]))
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Crime rows (never anti-social behaviour) per (force slug, month) of the street files in a zip whose LSOA is in <paramref name="lsoas"/>.</summary>
    public static Dictionary<(string Force, string Month), int> CrimesInZipByForceAndMonth(string zip, HashSet<string> lsoas)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        var counts = new Dictionary<(string, string), int>();
        foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith("-street.csv", StringComparison.Ordinal)))
        {
            var force = entry.Name[8..^"-street.csv".Length];
            using var reader = new StreamReader(entry.Open());
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var f = SplitCsv(line);
                if (lsoas.Contains(f[7]) && f[9] != "Anti-social behaviour")
                {
                    counts[(force, f[1])] = counts.GetValueOrDefault((force, f[1])) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>Splits a CSV line, honouring double quotes.</summary>
    public static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
