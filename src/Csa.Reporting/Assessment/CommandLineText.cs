namespace Csa.Reporting.Assessment;

/// <summary>A command line as a shell reads it: words with spaces or shell characters in double quotes.</summary>
public static class CommandLineText
{
    /// <summary>The words as one line.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,+%@".Contains(c, StringComparison.Ordinal))
            ? word
            : "\"" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "\"";

    /// <summary>Splits a line made by <see cref="Join"/> back into its words.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var (quoted, started) = (false, false);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && quoted && i + 1 < line.Length)
            {
                word.Append(line[++i]);
            }
            else if (c == '"')
            {
                (quoted, started) = (!quoted, true);
            }
            else if (c == ' ' && !quoted)
            {
                if (started || word.Length > 0)
                {
                    words.Add(word.ToString());
                }

                (word, started) = (new System.Text.StringBuilder(), false);
            }
            else
            {
                word.Append(c);
            }
        }

        if (started || word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
