using System.Diagnostics;
using System.Globalization;
using Csa.Core.Files;
using Csa.Tests;

namespace Csa.Core.Tests;

/// <summary>Scratch folders of processes that are gone are removed; a living process's folder, and anything csa does not
/// recognise, are left alone.</summary>
public class ProcessScratchTests
{
    static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    [Fact]
    public async Task RemoveStale_RemovesOnlyTheFoldersOfProcessesThatAreGone()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var root = scratch.Path;
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks;
        var deadId = await DeadProcessIdAsync();
        var dead = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"{deadId}-5"));
        var alive = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{started}"));
        var reused = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-1"));
        var other = Path.Combine(root, "analyst-notes");
        foreach (var folder in new[] { dead, alive, reused, other })
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "left-over.csv"), "x");
        }

        var removed = ProcessScratch.RemoveStale(root);

        Assert.Equal(2, removed);
        Assert.False(Directory.Exists(dead));
        Assert.False(Directory.Exists(reused));
        Assert.True(File.Exists(Path.Combine(alive, "left-over.csv")));
        Assert.True(File.Exists(Path.Combine(other, "left-over.csv")));
    }

    [Fact]
    public void Folder_IsThisProcesssOwn_UnderTheRoot()
    {
        var folder = ProcessScratch.NewFolder("test");

        Assert.StartsWith(ProcessScratch.Root, folder, StringComparison.Ordinal);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-"), Path.GetFileName(Path.GetDirectoryName(folder)), StringComparison.Ordinal);
        Directory.Delete(folder);
    }
}
