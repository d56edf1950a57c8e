using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Csa.Core.Importing;

namespace Csa.Ingest.Internal;

/// <summary>An input file's bytes, checksum and UTF-8 text.</summary>
static class TextFile
{
    /// <summary>The largest stated size read into an array made up front (256 MiB); a larger input grows a buffer as it is read.</summary>
    const long PresizedLimit = 256L << 20;

    /// <summary>Reads a whole input (files are one force-month: a few MB) and checksums it.</summary>
    /// <param name="open">Opens the input.</param>
    /// <param name="displayName">The input as the user named it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="expectedLength">Its size when known (a zip entry's): the bytes are then read into one array of that size,
    /// not a growing buffer and a copy (large arrays are costly to collect).</param>
    public static async Task<(byte[] Bytes, SourceFile Source)> ReadAsync(Func<Stream> open, string displayName, CancellationToken cancellationToken, long expectedLength = -1)
    {
        using var stream = open();
        byte[] bytes;
        if (expectedLength is >= 0 and <= PresizedLimit)
        {
            bytes = new byte[expectedLength];
            try
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException($"it is shorter than its stated size of {expectedLength:N0} bytes (a damaged or altered archive)", e);
            }

            if (stream.ReadByte() >= 0)
            {
                throw new InvalidDataException($"it is longer than its stated size of {expectedLength:N0} bytes (a damaged or altered archive)");
            }
        }
        else
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

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

        if (Utf8.IsValid(span))
        {
            return Encoding.UTF8.GetString(span); // one string, no intermediate array
        }

        var chars = new char[span.Length];
        Utf8.ToUtf16(span, chars, out var bytesRead, out _, replaceInvalidSequences: false);
        var line = 1 + span[..bytesRead].Count((byte)'\n');
        issues.Add(new ImportIssue(
            displayName,
            line,
            $"the file is not UTF-8 text (invalid byte 0x{span[bytesRead]:X2} at offset {bytesRead}); save it as UTF-8 and import again"));
        return null;
    }
}
