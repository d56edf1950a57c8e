using System.Globalization;
using System.Text.RegularExpressions;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Ingest.Internal;

namespace Csa.Ingest.Population;

/// <summary>Reads ONS mid-year population estimates by LSOA (2011 or 2021 codes).</summary>
/// <remarks>
/// The LSOA column is found by name (<c>lsoa_code</c>, <c>LSOA11CD</c>, <c>lsoacd</c>, …) and the population
/// column as the one named like <c>population</c> (preferring a "total"). A byte-order mark and a trailing comma
/// on every line, as ONS files have, are fine. The year is given by the user or read from a file name such as
/// <c>…-mid2015.csv</c>: ONS files do not say it in their columns.
/// </remarks>
public static partial class PopulationReader
{
    /// <summary>Reads the file; <paramref name="year"/> null takes the year from the file name.</summary>
    /// <exception cref="CsaImportException">The year cannot be known, columns are missing, or rows are bad.</exception>
    public static async Task<(int Year, IReadOnlyDictionary<string, double> Populations, SourceFile Source)> ReadAsync(string path, int? year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = YearInName().Match(Path.GetFileName(path));
        var resolved = year ?? (match.Success ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : (int?)null)
            ?? throw new CsaImportException([new ImportIssue(path, 0, "the estimate's year is not in the file name (…-mid2015.csv): give it with --year")]);
        var (text, source) = await InputFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        var issues = new List<ImportIssue>();
        using var reader = InputFile.Csv(text, path);
        var names = reader.Header.ColNames;
        var code = names.FirstOrDefault(n => LsoaColumn().IsMatch(n));
        var population = names.Where(n => n.Contains("population", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n.Contains("total", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (code is null || population is null)
        {
            throw new CsaImportException([new ImportIssue(path, 1, $"not an LSOA population file: expected an LSOA code column (lsoa_code, LSOA11CD, lsoacd) and a population column; found {string.Join(", ", names)}")]);
        }

        var (codeIndex, populationIndex) = (reader.Header.IndexOf(code), reader.Header.IndexOf(population));
        var populations = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount <= Math.Max(codeIndex, populationIndex))
            {
                issues.Add(new ImportIssue(path, line, "truncated row"));
                continue;
            }

            var lsoa = row[codeIndex].ToString().Trim();
            var value = row[populationIndex].ToString().Trim().Replace(",", string.Empty, StringComparison.Ordinal);
            if (!LsoaCodes.HasValidShape(lsoa))
            {
                issues.Add(new ImportIssue(path, line, $"{code} '{lsoa}' is not an LSOA code"));
            }
            else if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var people) || people < 0)
            {
                issues.Add(new ImportIssue(path, line, $"{population} '{value}' is not a population"));
            }
            else if (!populations.TryAdd(lsoa, people))
            {
                issues.Add(new ImportIssue(path, line, $"LSOA {lsoa} appears twice"));
            }
        }

        return issues.Count > 0 ? throw new CsaImportException(issues) : (resolved, populations, source);
    }

    [GeneratedRegex(@"(?:mid|census)[-_]?(\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearInName();

    [GeneratedRegex(@"^lsoa(?:11|21)?_?(?:code|cd)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LsoaColumn();
}
