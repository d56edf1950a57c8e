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
