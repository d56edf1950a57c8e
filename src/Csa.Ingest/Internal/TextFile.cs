using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Csa.Core.Importing;

namespace Csa.Ingest.Internal;

/// <summary>An input file's bytes, checksum and UTF-8 text.</summary>
static class TextFile
{
    /// <summary>Reads a whole input (files are one force-month: a few MB) and checksums it.</summary>
    public static async Task<(byte[] Bytes, SourceFile Source)> ReadAsync(Func<Stream> open, string displayName, CancellationToken cancellationToken)
    {
        using var stream = open();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return (bytes, new SourceFile(displayName, sha256, bytes.LongLength));
    }

    /// <summary>The ledger record of a file read some other way (a workbook): its checksum, computed as a stream.</summary>
    public static async Task<SourceFile> ChecksumAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            return new SourceFile(path, sha256, stream.Length);
        }
    }

    /// <summary>Decodes UTF-8 (a byte-order mark is dropped); invalid bytes give an issue naming the line.</summary>
    public static string? Decode(byte[] bytes, string displayName, List<ImportIssue> issues)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[3..];
        }

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, charsWritten);
        }

        var line = 1 + span[..bytesRead].Count((byte)'\n');
        issues.Add(new ImportIssue(
            displayName,
            line,
            $"the file is not UTF-8 text (invalid byte 0x{span[bytesRead]:X2} at offset {bytesRead}); save it as UTF-8 and import again"));
        return null;
    }
}
