using Csa.Core.Importing;
using nietras.SeparatedValues;

namespace Csa.Ingest.Internal;

/// <summary>Opening a user's CSV input: it must exist and be UTF-8; problems are <see cref="CsaImportException"/>s naming the file.</summary>
static class InputFile
{
    /// <summary>The file's text (byte-order mark dropped) and its ledger record.</summary>
    /// <exception cref="CsaImportException">No such file, or not UTF-8 (naming the line).</exception>
    public static async Task<(string Text, SourceFile Source)> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CsaImportException([new ImportIssue(path, 0, "no such file")]);
        }

        var (bytes, source) = await TextFile.ReadAsync(() => File.OpenRead(path), path, cancellationToken).ConfigureAwait(false);
        var issues = new List<ImportIssue>();
        var text = TextFile.Decode(bytes, path, issues) ?? throw new CsaImportException(issues);
        return (text, source);
    }

    /// <summary>A reader over CSV text with a header row (unless <paramref name="hasHeader"/> is false), quotes removed and ragged rows allowed (they are checked by the caller).</summary>
    /// <exception cref="CsaImportException">A row is longer than <see cref="CsvRowLimit.MaxRowChars"/>.</exception>
    public static SepReader Csv(string text, string path, char separator = ',', bool hasHeader = true)
    {
        if (CsvRowLimit.Problem(text, out var line) is { } tooLong)
        {
            throw new CsaImportException([new ImportIssue(path, line, tooLong)]);
        }

        return Sep.New(separator).Reader(o => o with { HasHeader = hasHeader, Unescape = true, DisableColCountCheck = true }).FromText(text);
    }
}
