using System.Diagnostics;
using System.Globalization;

namespace Csa.Storage.DuckDb;

/// <summary>How a csa server that holds the store read-only lets a writer in, through two marker files beside the store.</summary>
/// <remarks>
/// DuckDB lets a file be held by one writing process or by reading processes, never both. The atlas keeps the store open
/// between requests (opening it is most of a request's cost), and marks that it does with <c>STORE.csa-server</c>. A csa
/// command that must write and finds the file held checks for that mark: when a live server holds it, the command marks
/// <c>STORE.csa-writer</c> and waits (at most <see cref="WaitLimit"/>); the server sees the mark, answers new requests 503
/// with Retry-After, lets in-flight ones finish, closes the file and removes its mark; the command opens the file, and
/// removes its own mark when it closes the store; the server then opens the file again, with the new data. A mark names
/// the process that wrote it: a mark whose process has gone (killed) is stale and is removed by the next csa that reads
/// it. No other file is touched.
/// </remarks>
public static class StoreHandover
{
    /// <summary>How long a writer waits for a server to let go of the store before it says the store is in use.</summary>
    public static TimeSpan WaitLimit { get; } = TimeSpan.FromSeconds(30);

    const string Prefix = "csa process ";

    /// <summary>The mark of a server holding the store.</summary>
    public static string ServerMark(string storePath) => Path.GetFullPath(storePath) + ".csa-server";

    /// <summary>The mark of a writer waiting for the store.</summary>
    public static string WriterMark(string storePath) => Path.GetFullPath(storePath) + ".csa-writer";

    /// <summary>Whether a live csa process is waiting to write the store.</summary>
    public static bool WriterWaiting(string storePath) => IsLive(WriterMark(storePath));

    /// <summary>Whether a live csa server holds the store and will let a writer in.</summary>
    public static bool ServerHolding(string storePath) => IsLive(ServerMark(storePath));

    /// <summary>Writes a mark naming this process; disposing the result removes it.</summary>
    public static IDisposable Mark(string markPath)
    {
        File.WriteAllText(markPath, Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new Remover(markPath);
    }

    /// <summary>Whether the mark exists and names a running process; a stale mark of csa's is removed.</summary>
    static bool IsLive(string markPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(markPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true; // being written: a live process is making it
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || !int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false; // empty (being written: seen on the next look) or not csa's, which is left alone
        }

        if (id == Environment.ProcessId || ProcessRuns(id))
        {
            return true;
        }

        TryDelete(markPath);
        return false;
    }

    static bool ProcessRuns(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    static void TryDelete(string markPath)
    {
        try
        {
            File.Delete(markPath);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    sealed class Remover(string markPath) : IDisposable
    {
        int _removed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _removed, 1) == 0)
            {
                TryDelete(markPath);
            }
        }
    }
}
