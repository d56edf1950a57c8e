using System.Diagnostics;

namespace Csa.Cli.Tests;

/// <summary>Debian's PostgreSQL programs (initdb, pg_ctl, pg_basebackup, pg_dump, pg_restore), run as a test needs them.</summary>
static class PostgresBinaries
{
    /// <summary>Whether the tests run as root (CI does): the server's own programs then run as <c>postgres</c>.</summary>
    public static bool RunningAsRoot => Environment.UserName == "root";

    /// <summary>The folder of the newest PostgreSQL's programs Debian installed.</summary>
    static string Folder =>
        Directory.EnumerateDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.Parse(Path.GetFileName(Path.GetDirectoryName(d))!, System.Globalization.CultureInfo.InvariantCulture))
            .First();

    /// <summary>Runs <paramref name="program"/>, as the <c>postgres</c> user when <paramref name="asServerUser"/> and this is
    /// root; fails with its output when it exits with anything but 0.</summary>
    public static async Task RunAsync(string program, bool asServerUser, params string[] args)
    {
        var path = Path.Combine(Folder, program);
        var asPostgres = asServerUser && RunningAsRoot;
        var start = new ProcessStartInfo(asPostgres ? "runuser" : path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        foreach (var arg in (asPostgres ? new[] { "-u", "postgres", "--", path } : []).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await output} {await error}");
        }
    }
}
