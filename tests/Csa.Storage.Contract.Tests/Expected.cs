using System.Security.Cryptography;
using Csa.Tests;
using nietras.SeparatedValues;

namespace Csa.Storage.Contract.Tests;

/// <summary>What the bundled files hold, read straight from them with Sep (not through csa's readers or any store): the
/// values the contract expects every store to give back.</summary>
static class Expected
{
    /// <summary>The bundled Cambridgeshire street files.</summary>
    public static IReadOnlyList<string> StreetFiles { get; } =
        [.. Directory.EnumerateFiles(TestPaths.Cambridgeshire, "*-street.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>The bundled Cambridgeshire outcomes files.</summary>
    public static IReadOnlyList<string> OutcomesFiles { get; } =
        [.. Directory.EnumerateFiles(TestPaths.Cambridgeshire, "*-outcomes.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>Every row of a CSV file as its columns by header name.</summary>
    public static List<Dictionary<string, string>> Rows(string path)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var names = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var columns = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                columns[names[i]] = row[i].ToString();
            }

            rows.Add(columns);
        }

        return rows;
    }

    /// <summary>A file's SHA-256, as the ledger records it (lower-case hex).</summary>
    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The LSOAs of a district, from the bundled LSOA→ward→district lookup.</summary>
    public static HashSet<string> LsoasOf(string districtCode) =>
        [.. Rows(TestPaths.LsoaWardDistrict).Where(r => r["LAD19CD"] == districtCode).Select(r => r["LSOA11CD"])];

    /// <summary>The wards of a district, from the same lookup.</summary>
    public static SortedSet<string> WardsOf(string districtCode) =>
        new(Rows(TestPaths.LsoaWardDistrict).Where(r => r["LAD19CD"] == districtCode).Select(r => r["WD19CD"]), StringComparer.Ordinal);
}
