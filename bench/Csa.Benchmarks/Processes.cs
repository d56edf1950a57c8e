using System.Diagnostics;
using System.Globalization;

namespace Csa.Benchmarks;

/// <summary>Whole processes as a user runs them, for the benchmarks that time them.</summary>
static class Processes
{
    /// <summary>How to start a program: a .dll under the dotnet host, an executable as it is.</summary>
    public static string[] Host(string program) => program.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", program] : [program];

    /// <summary>Runs a whole process under GNU time: its wall time and peak resident set.</summary>
    public static (double Seconds, long PeakKiB) Timed(string[] command)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-f", "%e %M", "-o", report, .. command])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed (exit {process.ExitCode}): {errors}{output.Result}");
        }

        var fields = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ');
        File.Delete(report);
        return (double.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The median of the timings (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Runs a process to its end, untimed; a failure stops the benchmark.</summary>
    public static void Run(string[] command) => Timed(command);
}
