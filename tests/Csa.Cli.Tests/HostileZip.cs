using System.Buffers.Binary;
using System.IO.Compression;

namespace Csa.Cli.Tests;

/// <summary>Builds SYNTHETIC hostile zip archives for the import's guards: one entry written by .NET, then bytes of its headers
/// or data changed as an attacker or a damaged download would change them.</summary>
static class HostileZip
{
    const uint LocalHeader = 0x04034b50;
    const uint CentralHeader = 0x02014b50;

    /// <summary>Writes a zip of one entry holding <paramref name="content"/>.</summary>
    public static void Write(string path, string entryName, byte[] content, CompressionLevel level)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var stream = zip.CreateEntry(entryName, level).Open();
        stream.Write(content);
    }

    /// <summary>Writes a zip of one entry holding <paramref name="repeats"/> copies of <paramref name="block"/>, streamed (a zip bomb
    /// of any size without holding it in memory).</summary>
    public static void WriteRepeated(string path, string entryName, byte[] header, byte[] block, long repeats)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var stream = zip.CreateEntry(entryName, CompressionLevel.Optimal).Open();
        stream.Write(header);
        for (var i = 0L; i < repeats; i++)
        {
            stream.Write(block);
        }
    }

    /// <summary>Flips one byte of a stored entry's data, <paramref name="offset"/> bytes into it (its CRC-32 no longer matches).</summary>
    public static void DamageData(string path, int offset) =>
        Patch(path, bytes =>
        {
            var local = Local(bytes);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(local + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(local + 28));
            bytes[local + 30 + nameLength + extraLength + offset] ^= 0x04;
        });

    /// <summary>Sets the compression method of the entry in both its headers (12 bzip2, 14 LZMA).</summary>
    public static void SetMethod(string path, ushort method) =>
        Patch(path, bytes =>
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(Local(bytes) + 8), method);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(Find(bytes, CentralHeader) + 10), method);
        });

    /// <summary>Marks the entry encrypted in both its headers (general purpose flag bit 0).</summary>
    public static void MarkEncrypted(string path) =>
        Patch(path, bytes =>
        {
            bytes[Local(bytes) + 6] |= 1;
            bytes[Find(bytes, CentralHeader) + 8] |= 1;
        });

    /// <summary>Makes the headers declare <paramref name="length"/> uncompressed bytes, whatever the entry holds.</summary>
    public static void DeclareLength(string path, uint length) =>
        Patch(path, bytes =>
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(Local(bytes) + 22), length);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(Find(bytes, CentralHeader) + 24), length);
        });

    static void Patch(string path, Action<byte[]> change)
    {
        var bytes = File.ReadAllBytes(path);
        change(bytes);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The single entry's local header: the first bytes of the archive.</summary>
    static int Local(byte[] bytes) =>
        BinaryPrimitives.ReadUInt32LittleEndian(bytes) == LocalHeader ? 0 : throw new InvalidOperationException("The archive does not start with a local header.");

    static int Find(byte[] bytes, uint signature)
    {
        for (var i = bytes.Length - 4; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == signature)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No zip header {signature:x8} found.");
    }
}
