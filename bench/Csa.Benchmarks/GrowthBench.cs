using System.Diagnostics;
using System.Globalization;
using Csa.Core;
using Csa.Storage.DuckDb;
using Csa.Web.Extensions;
using Csa.Web;

namespace Csa.Benchmarks;

/// <summary>Cost as the work grows (issue 17, item 2): SYNTHETIC national months (about half a million street rows each, over
/// the 43 forces, labelled synthetic) imported 1, 3, 12 and 36 at a time into fresh stores by whole <c>csa import</c>
/// processes; for each size the rows per second, peak resident memory, store size, and the latency of whole
/// <c>csa compare</c> (the last two months) and <c>csa summary --by month</c> (every month) processes and of the atlas's ward map (in this process, nothing
/// kept between requests, so each request reads the store).</summary>
static class GrowthBench
{
    public static async Task RunAsync(string repository, string scratch, IReadOnlyList<int> sizes, int rowsPerMonth, string? installed, IReadOnlyDictionary<string, List<string>> lsoasByForceArea)
    {
        var csa = installed ?? Path.Combine(repository, "artifacts", "bin", "Csa.Cli", "release_linux-x64", "csa.dll");
        var first = new Month(2017, 1);
        var months = Enumerable.Range(0, sizes.Max()).Select(first.AddMonths).ToArray();
        var generated = Path.Combine(scratch, "synthetic-national");
        long rowsWritten = 0;
        var generating = Stopwatch.StartNew();
        for (var i = 0; i < months.Length; i++)
        {
            rowsWritten += SyntheticNationalMonth.Write(generated, months[i], rowsPerMonth, seed: 1000 + i, lsoasByForceArea);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SYNTHETIC national months {months[0]}..{months[^1]}: {rowsWritten:N0} street rows written in {generating.Elapsed.TotalSeconds:N0} s to {generated}"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; csa: {csa}; whole processes (GNU time), latencies the median of 3");
        Console.WriteLine("| months | rows | import (s) | rows/s | peak memory (MiB) | store (MiB) | compare (s) | summary --by month (s) | ward map, first (ms) | ward map, median of 5 (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var geography = Path.Combine(repository, "data", "sample", "geography");
        foreach (var size in sizes)
        {
            var store = Path.Combine(scratch, $"growth-{size}.duckdb");
            Processes.Run([.. Processes.Host(csa), "import", "geography", "--store", store, Path.Combine(geography, "lsoa11-ward19-lad19.csv"), Path.Combine(geography, "lad19-csp19-pfa19.csv")]);
            var folders = months.Take(size).Select(m => Path.Combine(generated, m.ToString())).ToArray();
            var (seconds, peakKiB) = Processes.Timed([.. Processes.Host(csa), "import", "police-uk", "--store", store, .. folders]);
            var rows = (long)rowsPerMonth * size;
            var last = months[size - 1];
            // compare: the last month against the one before (a one-month store has nothing to compare).
            var compare = size < 2
                ? double.NaN
                : Median(3, () => Processes.Timed([.. Processes.Host(csa), "compare", "--store", store, "--area", "E07000011", "--period", last.AddMonths(-1).ToString(), "--vs", last.ToString(), "--tree", "police-uk"]).Seconds);
            var summary = Median(3, () => Processes.Timed([.. Processes.Host(csa), "summary", "--store", store, "--area", "E07000011", "--from", first.ToString(), "--to", last.ToString(), "--by", "month"]).Seconds);
            var (firstMap, mapMedian) = await WardMapAsync(store, $"{first}..{last}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size} | {rows:N0} | {seconds:0.0} | {rows / seconds:N0} | {peakKiB / 1024.0:N0} | {new FileInfo(store).Length / 1048576.0:N0} | {(double.IsNaN(compare) ? "–" : compare.ToString("0.00", CultureInfo.InvariantCulture))} | {summary:0.00} | {firstMap:N0} | {mapMedian:N0} |"));
            File.Delete(store);
        }
    }

    /// <summary>The ward map of Huntingdonshire over the whole period: the first request (the server opens the store) and the
    /// median of five more, each another category.</summary>
    static async Task<(double First, double Median)> WardMapAsync(string store, string period)
    {
        var port = AtlasLoadBench.FreePort();
        using var stop = new CancellationTokenSource();
        var server = AtlasHost.RunAsync(new AtlasOptions { Public = true, KeepAnswers = false }, $"http://127.0.0.1:{port}", null, _ => new DuckDbStoreReaders(store, keepAnswers: false, TimeProvider.System), stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await AtlasLoadBench.WaitUntilUpAsync(http);
        string[] categories = ["All crime", "Burglary", "Robbery", "Drugs", "Shoplifting", "Vehicle crime"];
        var times = new List<double>();
        foreach (var category in categories)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/wards?area=E07000011&period={period}&category={Uri.EscapeDataString(category)}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        await stop.CancelAsync();
        await server;
        return (times[0], times.Skip(1).Order().ElementAt(2));
    }

    static double Median(int runs, Func<double> run) => Processes.Median(Enumerable.Range(0, runs).Select(_ => run()));
}
