using System.Globalization;
using System.IO.Compression;

namespace Csa.Benchmarks;

/// <summary>The shape both whole-process import benchmarks share: the zips extracted once for the reference, alternating
/// pairs of a reference process and a csa import, and the table of medians and the ratio.</summary>
static class ImportComparison
{
    /// <summary>The zips of <paramref name="zipFolder"/>, in order, and the folder they were extracted into for the reference.</summary>
    public static (string[] Zips, string Extracted) Extract(string zipFolder, string scratch)
    {
        var zips = Directory.GetFiles(zipFolder, "*.zip").Order(StringComparer.Ordinal).ToArray();
        var extracted = Path.Combine(scratch, "extracted");
        foreach (var zip in zips)
        {
            ZipFile.ExtractToDirectory(zip, extracted);
        }

        return (zips, extracted);
    }

    /// <summary>Runs <paramref name="pairs"/> pairs, the reference first in even pairs and csa first in odd ones; each pair's
    /// commands come from <paramref name="commands"/>, and <paramref name="afterPair"/> clears what the pair wrote.</summary>
    public static (List<(double Seconds, long PeakKiB)> Reference, List<(double Seconds, long PeakKiB)> Import) Alternate(
        int pairs, Func<int, (string[] Reference, string[] Import)> commands, Action<int> afterPair)
    {
        var reference = new List<(double Seconds, long PeakKiB)>();
        var import = new List<(double Seconds, long PeakKiB)>();
        for (var pair = 0; pair < pairs; pair++)
        {
            var (referenceRun, csaRun) = commands(pair);
            if (pair % 2 == 0)
            {
                reference.Add(Processes.Timed(referenceRun));
                import.Add(Processes.Timed(csaRun));
            }
            else
            {
                import.Add(Processes.Timed(csaRun));
                reference.Add(Processes.Timed(referenceRun));
            }

            afterPair(pair);
        }

        return (reference, import);
    }

    /// <summary>Prints the table: each process's median, minimum and peak memory, and csa's ratio to the reference.</summary>
    public static void Print(string machine, string referenceLabel, string importLabel, List<(double Seconds, long PeakKiB)> reference, List<(double Seconds, long PeakKiB)> import)
    {
        var c = CultureInfo.InvariantCulture;
        var referenceMedian = Processes.Median(reference.Select(r => r.Seconds));
        var importMedian = Processes.Median(import.Select(r => r.Seconds));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {machine}");
        Console.WriteLine("| process | median (s) | min (s) | peak memory (MiB, max) | ratio to the reference |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(string.Create(c, $"| {referenceLabel} | {referenceMedian:0.00} | {reference.Min(r => r.Seconds):0.00} | {reference.Max(r => r.PeakKiB) / 1024.0:N0} | 1.00× |"));
        Console.WriteLine(string.Create(c, $"| {importLabel} | {importMedian:0.00} | {import.Min(r => r.Seconds):0.00} | {import.Max(r => r.PeakKiB) / 1024.0:N0} | {importMedian / referenceMedian:0.00}× |"));
    }
}
