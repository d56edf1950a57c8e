using System.Globalization;
using Csa.Core;
using Csa.Core.Importing;
using Csa.Ingest.Internal;

namespace Csa.Ingest.Series;

/// <summary>Reads a partner's monthly series: a CSV whose first column is the month (YYYY-MM) and second the count.</summary>
/// <remarks>A series must run without a gap and give each month once: a missing or repeated month is an error
/// that names the months (a missing month is not a zero, and two rows for a month would double-count).</remarks>
public static class PartnerSeriesReader
{
    /// <summary>Reads and checks the series.</summary>
    /// <exception cref="CsaImportException">Bad rows, repeated (overlapping) months, or gaps.</exception>
    public static async Task<(IReadOnlyList<(Month Month, long Count)> Counts, SourceFile Source)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (text, source) = await InputFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        var issues = new List<ImportIssue>();
        using var reader = InputFile.Csv(text, path);
        var counts = new List<(Month, long, int)>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount < 2)
            {
                issues.Add(new ImportIssue(path, line, "a row needs a month and a count"));
                continue;
            }

            var monthText = row[0].ToString().Trim();
            var countText = row[1].ToString().Trim();
            if (!Month.TryParse(monthText, out var month))
            {
                issues.Add(new ImportIssue(path, line, $"'{monthText}' is not a month written as YYYY-MM"));
            }
            else if (!long.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                issues.Add(new ImportIssue(path, line, $"'{countText}' is not a count (a whole number, 0 or more)"));
            }
            else
            {
                counts.Add((month, count, line));
            }
        }

        foreach (var repeated in counts.GroupBy(c => c.Item1).Where(g => g.Count() > 1))
        {
            issues.Add(new ImportIssue(path, repeated.Last().Item3, $"{repeated.Key} is given {repeated.Count()} times (lines {string.Join(", ", repeated.Select(r => r.Item3))}): overlapping months would double-count"));
        }

        if (counts.Count == 0 && issues.Count == 0)
        {
            issues.Add(new ImportIssue(path, 0, "the series has no months"));
        }

        if (issues.Count == 0)
        {
            var months = counts.Select(c => c.Item1).ToHashSet();
            var gaps = Period.Create(months.Min(), months.Max()).Months.Where(m => !months.Contains(m)).ToArray();
            if (gaps.Length > 0)
            {
                issues.Add(new ImportIssue(path, 0, $"the series has no count for {string.Join(", ", gaps)}: a missing month is not a zero; give it (0 if there were none)"));
            }
        }

        return issues.Count > 0 ? throw new CsaImportException(issues) : ([.. counts.OrderBy(c => c.Item1).Select(c => (c.Item1, c.Item2))], source);
    }
}
