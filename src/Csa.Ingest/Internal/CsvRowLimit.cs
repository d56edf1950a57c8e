using System.Globalization;

namespace Csa.Ingest.Internal;

/// <summary>The longest CSV row csa reads: 1 Mi characters (a data.police.uk row is about 200). A longer row is a broken or
/// hostile file, and is refused with its file and line before the CSV reader meets it (Sep's own limit, 16 MiB, would end the
/// import with an exception).</summary>
static class CsvRowLimit
{
    /// <summary>The most characters one row may hold, quoted line breaks included.</summary>
    public const int MaxRowChars = 1 << 20;

    /// <summary>Why the text cannot be read, naming the line where its first over-long row starts; null when every row fits.</summary>
    /// <remarks>Quote-aware: a quoted field may hold line breaks, and an unclosed quote makes the rest of the file one row.</remarks>
    public static string? Problem(ReadOnlySpan<char> text, out int line, int maxRowChars = MaxRowChars)
    {
        line = 1;
        var rowStartLine = 1;
        var rowStart = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\n')
            {
                line++;
                if (!quoted)
                {
                    rowStart = i + 1;
                    rowStartLine = line;
                }
            }

            if (i - rowStart >= maxRowChars)
            {
                line = rowStartLine;
                return string.Create(CultureInfo.InvariantCulture,
                    $"the row starting on this line is longer than {maxRowChars:N0} characters{(quoted ? " (a quote opened in it is never closed)" : string.Empty)}: the file is damaged or not a CSV of this kind");
            }
        }

        return null;
    }
}
