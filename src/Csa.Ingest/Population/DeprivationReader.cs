using System.Globalization;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Ingest.Internal;

namespace Csa.Ingest.Population;

/// <summary>Reads the English Index of Multiple Deprivation rank by LSOA (columns <c>LSOA11CD</c> and <c>IMD19</c>, or like them).</summary>
public static class DeprivationReader
{
    /// <summary>Reads and checks the file.</summary>
    /// <exception cref="CsaImportException">Columns are missing, or rows are bad.</exception>
    public static async Task<(IReadOnlyDictionary<string, int> Ranks, SourceFile Source)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (text, source) = await InputFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        var issues = new List<ImportIssue>();
        using var reader = InputFile.Csv(text, path);
        var names = reader.Header.ColNames;
        var code = names.FirstOrDefault(n => n.StartsWith("LSOA", StringComparison.OrdinalIgnoreCase) && n.EndsWith("CD", StringComparison.OrdinalIgnoreCase));
        var rank = names.FirstOrDefault(n => n.StartsWith("IMD", StringComparison.OrdinalIgnoreCase));
        if (code is null || rank is null)
        {
            throw new CsaImportException([new ImportIssue(path, 1, $"not an Index of Multiple Deprivation file: expected LSOA11CD and IMD19 (rank) columns; found {string.Join(", ", names)}")]);
        }

        var (codeIndex, rankIndex) = (reader.Header.IndexOf(code), reader.Header.IndexOf(rank));
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var lsoa = row[codeIndex].ToString().Trim();
            var value = row[rankIndex].ToString().Trim();
            if (!LsoaCodes.HasValidShape(lsoa) || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r < 1)
            {
                issues.Add(new ImportIssue(path, row.LineNumberFrom, $"'{lsoa}', '{value}' is not an LSOA code and a rank from 1"));
            }
            else if (!ranks.TryAdd(lsoa, r))
            {
                issues.Add(new ImportIssue(path, row.LineNumberFrom, $"LSOA {lsoa} appears twice"));
            }
        }

        return issues.Count > 0 ? throw new CsaImportException(issues) : (ranks, source);
    }
}
