using System.IO.Compression;
using Csa.Core;
using Csa.Ingest.Internal;

namespace Csa.Ingest.Archives;

/// <summary>The checks every zip entry passes before and while csa reads it.</summary>
/// <remarks>
/// Before reading, the sizes the archive declares are held to the <see cref="ArchiveLimits"/>, and encrypted entries are refused.
/// While reading, <see cref="Open"/>'s stream never yields more bytes than the entry declares (so the declared sizes bind), and at
/// its end checks the length and the CRC-32 the archive records (.NET's reader checks neither): a damaged entry is an error, never
/// rows in the wrong place.
/// </remarks>
static class ZipEntryGuard
{
    /// <summary>Why the entry must not be read, judged from what the archive declares; null when it may be.</summary>
    public static string? Refusal(ZipArchiveEntry entry, ArchiveLimits limits)
    {
        if (entry.IsEncrypted)
        {
            return "the entry is encrypted, and csa does not read encrypted archives: extract it with its password and import the files";
        }

        if (entry.Length > limits.MaxEntryBytes)
        {
            return $"the entry declares {ByteSize.Format(entry.Length)} uncompressed, over the limit of {ByteSize.Format(limits.MaxEntryBytes)} for one entry (--max-entry-size)";
        }

        if (entry.Length > ArchiveLimits.RatioFloorBytes && entry.Length > limits.MaxRatio * Math.Max(1, entry.CompressedLength))
        {
            var ratio = (double)entry.Length / Math.Max(1, entry.CompressedLength);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the entry would expand {ratio:N0}:1 ({ByteSize.Format(entry.CompressedLength)} to {ByteSize.Format(entry.Length)}), over the limit of {limits.MaxRatio:0.#}:1 (--max-ratio); data.police.uk files compress about 5–10:1, so this is a zip bomb or not their data");
        }

        return null;
    }

    /// <summary>Opens the entry for reading through the length and CRC-32 checks.</summary>
    /// <exception cref="ArchiveEntryException">The entry uses a compression method .NET cannot read.</exception>
    public static Stream Open(ZipArchiveEntry entry)
    {
        try
        {
            return new CheckedEntryStream(entry.Open(), entry.Length, entry.Crc32);
        }
        catch (InvalidDataException e)
        {
            throw new ArchiveEntryException($"csa cannot read this entry ({e.Message}); re-create the archive with ordinary (Deflate) compression, or extract the files and import them");
        }
    }

    /// <summary>Reads an entry's bytes, failing as soon as they run past the declared length, and checking the CRC-32 at the end.</summary>
    sealed class CheckedEntryStream(Stream inner, long declaredLength, uint declaredCrc) : ReadOnlyStream
    {
        readonly System.IO.Hashing.Crc32 _crc = new();
        long _read;
        bool _checked;

        public override long Length => declaredLength;

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            int n;
            try
            {
                n = inner.Read(buffer[..Room(buffer.Length)]);
            }
            catch (InvalidDataException e)
            {
                throw Unreadable(e);
            }

            Accept(buffer[..n]);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            int n;
            try
            {
                n = await inner.ReadAsync(buffer[..Room(buffer.Length)], cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw Unreadable(e);
            }

            Accept(buffer.Span[..n]);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        static ArchiveEntryException Unreadable(InvalidDataException e) =>
            new($"the entry is damaged: its compressed data cannot be read ({e.Message}); download the archive again");

        /// <summary>How much to ask for: one byte more than the entry may still hold, so that data beyond the declared length is seen.</summary>
        int Room(int wanted) => (int)Math.Max(1, Math.Min(wanted, declaredLength - _read + 1));

        void Accept(ReadOnlySpan<byte> bytes)
        {
            _read += bytes.Length;
            if (_read > declaredLength)
            {
                throw new ArchiveEntryException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the entry holds more than the {declaredLength:N0} bytes its header declares: the archive is damaged or hostile"));
            }

            _crc.Append(bytes);
            if (bytes.Length == 0 && !_checked)
            {
                _checked = true;
                if (_read != declaredLength)
                {
                    throw new ArchiveEntryException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the entry ends after {_read:N0} bytes, short of the {declaredLength:N0} its header declares: the archive is damaged; download it again"));
                }

                if (_crc.GetCurrentHashAsUInt32() != declaredCrc)
                {
                    throw new ArchiveEntryException($"the entry is damaged: its CRC-32 is {_crc.GetCurrentHashAsUInt32():x8} where the archive records {declaredCrc:x8} (unzip -t reports the same); download the archive again");
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
