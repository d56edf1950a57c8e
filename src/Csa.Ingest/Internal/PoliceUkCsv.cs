using Csa.Core.Importing;
using nietras.SeparatedValues;

namespace Csa.Ingest.Internal;

/// <summary>Opening a data.police.uk CSV with its exact header, and the field-count check every row gets.</summary>
static class PoliceUkCsv
{
    static readonly Func<SepReaderOptions, SepReaderOptions> Options =
        o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true };

    public static bool TryOpen(string text, string fileName, string expectedHeader, List<ImportIssue> issues, out SepReader reader)
    {
        reader = null!;
        if (text.Length == 0)
        {
            issues.Add(new ImportIssue(fileName, 0, "the file is empty: it has no header line"));
            return false;
        }

        var firstLineEnd = text.AsSpan().IndexOfAny('\r', '\n');
        var header = firstLineEnd < 0 ? text : text[..firstLineEnd];
        if (!string.Equals(header, expectedHeader, StringComparison.Ordinal))
        {
            issues.Add(new ImportIssue(fileName, 1, $"the header is not data.police.uk's: expected '{expectedHeader}' but found '{Shorten(header)}'"));
            return false;
        }

        if (CsvRowLimit.Problem(text, out var line) is { } tooLong)
        {
            issues.Add(new ImportIssue(fileName, line, tooLong));
            return false;
        }

        reader = Sep.New(',').Reader(Options).FromText(text);
        return true;
    }

    public static bool HasColumnCount(SepReader.Row row, int expected, string fileName, List<ImportIssue> issues)
    {
        if (row.ColCount == expected)
        {
            return true;
        }

        var reason = row.ColCount < expected
            ? $"truncated row: {row.ColCount} fields where the header has {expected}"
            : $"{row.ColCount} fields where the header has {expected} (an unquoted comma?)";
        issues.Add(new ImportIssue(fileName, row.LineNumberFrom, reason));
        return false;
    }

    static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
