using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Csa.Core.Files;

/// <summary>Makes an Office package (xlsx, docx: a zip of XML parts) the same bytes whenever the same content is written:
/// every entry gets one fixed time stamp, and random relationship identifiers become numbered ones.</summary>
/// <remarks>Libraries stamp each zip entry with the time it was written and some name relationships with new GUIDs
/// (MiniExcel's <c>R0e084f31…</c>, the Open XML SDK's <c>R9256f28f…</c>), so the same table gave a different workbook on every run. The entries keep their order
/// and content otherwise; an identifier is renamed everywhere it appears, so references stay whole.</remarks>
public static partial class ReproducibleZip
{
    /// <summary>The time stamp of every entry: the earliest a zip can hold (1 January 1980).</summary>
    public static readonly DateTimeOffset Stamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Rewrites the package at <paramref name="path"/> in place.</summary>
    public static void Normalise(string path)
    {
        var entries = new List<(string Name, byte[] Content)>();
        using (var zip = ZipFile.OpenRead(path))
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries.Add((entry.FullName, copy.ToArray()));
            }
        }

        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, content) in entries.Where(e => IsXml(e.Name)))
        {
            foreach (Match id in RandomId().Matches(Encoding.UTF8.GetString(content)))
            {
                renames.TryAdd(id.Value, $"rIdN{renames.Count + 1}");
            }
        }

        using var output = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var archive = new ZipArchive(output, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = Stamp;
            using var stream = entry.Open();
            stream.Write(renames.Count > 0 && IsXml(name)
                ? Encoding.UTF8.GetBytes(RandomId().Replace(Encoding.UTF8.GetString(content), m => renames[m.Value]))
                : content);
        }
    }

    static bool IsXml(string name) => name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>A relationship identifier made from a GUID: R and 16 or 32 hex digits, inside quotes.</summary>
    [GeneratedRegex("(?<=\")R[0-9a-f]{16}(?:[0-9a-f]{16})?(?=\")")]
    private static partial Regex RandomId();
}
