namespace Csa.Ingest.PoliceUk;

/// <summary>How far an import has got.</summary>
/// <param name="Stage">"checking" while files are read, validated and written to the store's open transaction;
/// "committing" when every file was valid and the store makes them visible.</param>
/// <param name="FilesDone">Files checked.</param>
/// <param name="FilesTotal">Files to read.</param>
/// <param name="Rows">Rows read so far.</param>
/// <param name="BytesDone">Bytes read so far (of files finished and the current one).</param>
/// <param name="BytesTotal">Bytes to read in all.</param>
/// <param name="CurrentFile">The file being read, or the last one finished.</param>
/// <param name="Elapsed">Time since the import started.</param>
public sealed record ImportProgress(string Stage, int FilesDone, int FilesTotal, long Rows, long BytesDone, long BytesTotal, string CurrentFile, TimeSpan Elapsed)
{
    /// <summary>Rows per second so far.</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the pace so far, by bytes; null before there is a pace.</summary>
    public TimeSpan? Remaining => BytesDone > 0 && Elapsed > TimeSpan.Zero
        ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (BytesTotal - BytesDone) / BytesDone)
        : null;
}
