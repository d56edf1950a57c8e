using System.Diagnostics;
using System.Globalization;

namespace Csa.Core.Files;

/// <summary>Where csa keeps temporary files: one folder per process under the system's temporary folder, named by the
/// process's id and start time. A process killed mid-import (kill -9) cannot remove its own; the next csa removes
/// the folders of processes that no longer exist, and only those.</summary>
public static class ProcessScratch
{
    /// <summary>The folder that holds every csa process's scratch folder.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "csa-scratch");

    static readonly Lazy<string> OwnFolder = new(() => Directory.CreateDirectory(Path.Combine(Root, NameOf(Environment.ProcessId, StartTicks(Process.GetCurrentProcess()) ?? 0))).FullName);

    /// <summary>This process's scratch folder (created on first use).</summary>
    public static string Folder => OwnFolder.Value;

    /// <summary>A new, empty sub-folder of this process's scratch folder.</summary>
    public static string NewFolder(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Folder, $"{prefix}-{Guid.NewGuid():N}")).FullName;

    /// <summary>Removes the scratch folders under <paramref name="root"/> whose process no longer exists (or whose id a
    /// newer process has taken); leaves everything else, including folders it does not recognise. Returns how many it removed.</summary>
    public static int RemoveStale(string? root = null)
    {
        root ??= Root;
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var started)
                || IsRunning(id, started))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another csa removing it at the same moment, or not ours to remove: leave it.
            }
        }

        return removed;
    }

    static string NameOf(int id, long started) => string.Create(CultureInfo.InvariantCulture, $"{id}-{started}");

    static bool IsRunning(int id, long started)
    {
        try
        {
            // Linux derives a start time from the boot time, which two readings can place a little apart: a process whose
            // id is taken again starts long after the first has ended, so seconds of tolerance cannot confuse the two.
            using var process = Process.GetProcessById(id);
            return StartTicks(process) is not { } ticks || Math.Abs(ticks - started) < 2 * TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static long? StartTicks(Process process)
    {
        try
        {
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Runtime.InteropServices.ExternalException or NotSupportedException)
        {
            return null;
        }
    }
}
