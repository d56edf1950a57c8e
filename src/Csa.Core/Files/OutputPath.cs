using System.Runtime.InteropServices;

namespace Csa.Core.Files;

/// <summary>The rule for every single file csa writes (--csv, --xlsx, --json, trees export): checked before any work,
/// never over csa's own store, never over something that is not a regular file (a device, a pipe, a socket, a folder),
/// and only into a folder that exists.</summary>
public static class OutputPath
{
    /// <summary>Why csa may not write a file at <paramref name="path"/>, or null when it may.</summary>
    /// <param name="path">The path asked for.</param>
    /// <param name="storePath">csa's store, which no output may replace (nor its write-ahead log).</param>
    public static string? Problem(string path, string? storePath)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the path is empty: give a file name.";
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{path}' is not a path.";
        }

        if (storePath is not null)
        {
            var store = Resolve(Path.GetFullPath(storePath));
            var target = Resolve(full);
            if (string.Equals(target, store, StringComparison.Ordinal) || string.Equals(target, store + ".wal", StringComparison.Ordinal))
            {
                return $"{path} is csa's store: csa never writes over its own store.";
            }
        }

        if (Directory.Exists(full))
        {
            return $"{path} is a folder: give a file name.";
        }

        if (File.Exists(full) && !IsRegularFile(full))
        {
            return $"{path} is not a regular file (a device, a pipe or a socket): csa writes only regular files.";
        }

        var folder = Path.GetDirectoryName(full);
        return folder is not null && !Directory.Exists(folder) ? $"the folder {folder} does not exist: create it first." : null;
    }

    /// <summary>Writes a file through a temporary file in the same folder, renamed into place at the end: a failure
    /// leaves the old file (or none), never a partial one.</summary>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the content to the temporary path it is given.</param>
    /// <exception cref="IOException">csa may not write there (<see cref="Problem"/>), or the write fails.</exception>
    public static void WriteAtomically(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (Problem(path, null) is { } problem)
        {
            throw new IOException($"Cannot write {path}: {problem}");
        }

        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    static string Resolve(string full)
    {
        try
        {
            return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    /// <summary>Whether an existing path is a regular file: .NET reports devices and pipes as normal files, so the
    /// file's mode is read with stat(2) where csa knows the layout of its result (Linux on x64 and Arm64).</summary>
    static bool IsRegularFile(string full)
    {
        var offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (!OperatingSystem.IsLinux() || offset < 0)
        {
            return !full.StartsWith("/dev/", StringComparison.Ordinal) && !full.StartsWith("/proc/", StringComparison.Ordinal) && !full.StartsWith("/sys/", StringComparison.Ordinal);
        }

        var buffer = new byte[256];
        if (Stat(full, buffer) != 0)
        {
            return true;
        }

        const int TypeMask = 0xF000, Regular = 0x8000;
        return (BitConverter.ToUInt32(buffer, offset) & TypeMask) == Regular;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
}
