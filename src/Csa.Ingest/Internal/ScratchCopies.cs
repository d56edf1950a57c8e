namespace Csa.Ingest.Internal;

/// <summary>A temporary folder for validated copies of zip entries, deleted with the import (and, if the process is
/// killed, by the next csa: see <see cref="Core.Files.ProcessScratch"/>).</summary>
sealed class ScratchCopies : IDisposable
{
    readonly string _folder = Path.Combine(Core.Files.ProcessScratch.Folder, "import-" + Guid.NewGuid().ToString("N"));
    int _count;

    public async Task<string> WriteAsync(ReadOnlyMemory<byte> bytes, string fileName, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, $"{Interlocked.Increment(ref _count):D5}-{fileName}");
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
