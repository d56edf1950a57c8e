namespace Csa.Ingest.Archives;

/// <summary>How much a zip archive may expand when csa reads it: a guard against zip bombs and damaged archives.</summary>
/// <param name="MaxEntryBytes">The most one entry may hold uncompressed (default 1 GiB; a national month of street data is about 100 MiB).</param>
/// <param name="MaxArchiveBytes">The most the entries csa reads from one archive may hold uncompressed, together (default 32 GiB, so a
/// 36-month national archive passes).</param>
/// <param name="MaxRatio">The most an entry may expand, uncompressed bytes over compressed bytes (default 100:1; real street files
/// compress about 5–10:1). Entries of up to <see cref="RatioFloorBytes"/> are not held to it: a tiny file can compress far better.</param>
public sealed record ArchiveLimits(long MaxEntryBytes, long MaxArchiveBytes, double MaxRatio)
{
    /// <summary>Entries up to this size (1 MiB) are not held to the ratio.</summary>
    public const long RatioFloorBytes = 1L << 20;

    /// <summary>1 GiB per entry, 32 GiB per archive, 100:1.</summary>
    public static ArchiveLimits Default { get; } = new(1L << 30, 32L << 30, 100);
}
