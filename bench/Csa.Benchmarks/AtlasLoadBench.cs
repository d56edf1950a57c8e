using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Csa.Ingest.Boundaries;
using Csa.Ingest.Population;
using Csa.Storage.DuckDb;
using Csa.Web.Extensions;
using Csa.Web;

namespace Csa.Benchmarks;

/// <summary>A bounded load test of the atlas on loopback: concurrent clients for a fixed time against the map
/// (ward counts and rates, boundaries), the monthly series, period comparisons and hot spots, printing p50 and p99
/// latency and the errors, overall and per endpoint. Traffic goes to 127.0.0.1 only.</summary>
static class AtlasLoadBench
{
    public static async Task RunAsync(string repository, string scratch, int clients, TimeSpan duration)
    {
        var store = Path.Combine(scratch, "atlas.duckdb");
        await MakeStoreAsync(repository, store);

        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var server = AtlasHost.RunAsync(new AtlasOptions { Public = true }, $"http://127.0.0.1:{port}", null, _ => new DuckDbStoreReaders(store, keepAnswers: true, TimeProvider.System), stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilUpAsync(http);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {clients} clients for {duration.TotalSeconds:0} s each on loopback, public mode; parameters drawn at random (seed 17)");
        await RunMixAsync("ward map only (random district, period, category)", http, clients, duration, random => WardMapUrl(random));
        var unique = 0;
        await RunMixAsync("ward map, every response a cache miss (random parameters and a unique unused parameter; the store's kept answers serve)", http, clients, duration, random => WardMapUrl(random) + "&n=" + Interlocked.Increment(ref unique));
        await RunMixAsync("the mix (map, boundaries, series, compare, hot spots; random parameters)", http, clients, duration, MixUrl);
        await RunMixAsync("a static file of the same server (/atlas.css)", http, clients, duration, _ => "/atlas.css");
        if (File.Exists("/usr/bin/ab"))
        {
            foreach (var url in new[] { WardMapUrl(new Random(1)), "/atlas.css" })
            {
                Console.WriteLine($"== ApacheBench: ab -k -c {clients} -t {duration.TotalSeconds:0} http://127.0.0.1:{port}{url}");
                Console.WriteLine(ApacheBench(port, url, clients, duration));
            }
        }

        await stop.CancelAsync();
        await server;

        // The same server with nothing kept between requests: every request asks the file (the cost caching saves).
        var uncachedPort = FreePort();
        using var stopUncached = new CancellationTokenSource();
        var uncached = AtlasHost.RunAsync(new AtlasOptions { Public = true, KeepAnswers = false }, $"http://127.0.0.1:{uncachedPort}", null, _ => new DuckDbStoreReaders(store, keepAnswers: false, TimeProvider.System), stopUncached.Token);
        using var uncachedHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{uncachedPort}") };
        await WaitUntilUpAsync(uncachedHttp);
        await RunMixAsync("ward map with nothing kept (Atlas:KeepAnswers=false: every request reads the file)", uncachedHttp, clients, duration, random => WardMapUrl(random));
        await RunMixAsync("the mix with nothing kept", uncachedHttp, clients, duration, MixUrl);
        await stopUncached.CancelAsync();
        await uncached;
    }

    /// <summary>The atlas's sample store in a new DuckDB file: the bundled Cambridgeshire files (July–September 2019), the
    /// lookups, ward boundaries of Cambridgeshire's six districts, Huntingdonshire's LSOAs and the 2015 LSOA populations.</summary>
    public static async Task MakeStoreAsync(string repository, string store)
    {
        await using var writer = await SampleStore.CambridgeshireAsync(repository, store);
        var sample = Path.Combine(repository, "data", "sample");
        foreach (var file in (string[])["ward/E06000031", "ward/E07000008", "ward/E07000009", "ward/E07000010", "ward/E07000011", "ward/E07000012", "lsoa11/E07000011"])
        {
            var (boundaries, boundarySource) = await BoundaryReader.ReadAsync(Path.Combine(sample, "boundaries", file + ".geojson"));
            await writer.ImportBoundariesAsync([new(boundaries, boundarySource)]);
        }

        var (year, populations, populationSource) = await PopulationReader.ReadAsync(Path.Combine(sample, "population", "lsoa11-population-mid2015.csv"), null);
        await writer.ImportPopulationAsync(year, populations, populationSource);
    }

    /// <summary>The districts, periods and categories the sample holds, to draw from.</summary>
    static readonly string[] Districts = ["E07000011", "E07000008", "E07000012", "E07000009", "E07000010", "E06000031"];
    /// <summary>The districts whose bundled ward boundaries match the lookup's 2019 wards (the files of Cambridge and Fenland
    /// hold wards of another year, so the atlas rightly says it holds none of theirs).</summary>
    static readonly string[] WardBoundaryDistricts = ["E07000011", "E07000012", "E07000009", "E06000031"];
    static readonly string[] Periods = ["2019-07", "2019-08", "2019-09", "2019-07..2019-08", "2019-08..2019-09", "2019-07..2019-09"];
    static readonly string[] Categories =
    [
        "All crime", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other theft",
        "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person", "Vehicle crime",
        "Violence and sexual offences", "Other crime",
    ];

    static string Pick(Random random, string[] values) => Uri.EscapeDataString(values[random.Next(values.Length)]);

    public static string WardMapUrl(Random random) =>
        $"/api/wards?area={Pick(random, Districts)}&period={Pick(random, Periods)}&category={Pick(random, Categories)}";

    public static string MixUrl(Random random) => random.Next(6) switch
    {
        0 or 1 => WardMapUrl(random),
        2 => random.Next(3) == 0 ? "/api/boundaries?area=Huntingdonshire&level=lsoa" : $"/api/boundaries?area={Pick(random, WardBoundaryDistricts)}",
        3 => $"/api/series?area={Pick(random, Districts)}&category={Pick(random, Categories)}",
        4 => $"/api/compare?area={Pick(random, Districts)}&current=2019-09&previous=2019-08&category={Pick(random, Categories)}",
        _ => $"/api/hotspots?area=Huntingdonshire&period={Pick(random, Periods)}&category={Pick(random, Categories)}",
    };

    /// <summary>Clients each drawing URLs for the time given; a URL's first request is a cache miss (reported apart).</summary>
    public static Task RunMixAsync(string label, HttpClient http, int clients, TimeSpan duration, Func<Random, string> nextUrl) =>
        RunMixAsync(label, [http], clients, duration, nextUrl);

    /// <summary>As the other overload, against several instances of the atlas: each client keeps to one of them, in turn,
    /// as a load balancer spreads connections.</summary>
    public static async Task RunMixAsync(string label, HttpClient[] instances, int clients, TimeSpan duration, Func<Random, string> nextUrl)
    {
        var latencies = new List<double>();
        var misses = new List<double>();
        var byEndpoint = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new Dictionary<int, int>();
        var errors = 0;
        var gate = new Lock();
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var random = new Random(17 + client);
            var http = instances[client % instances.Length];
            while (deadline.Elapsed < duration)
            {
                var url = nextUrl(random);
                bool first;
                lock (gate)
                {
                    first = seen.Add(url);
                }

                var clock = Stopwatch.StartNew();
                var status = 0;
                var body = string.Empty;
                try
                {
                    using var response = await http.GetAsync(url);
                    body = await response.Content.ReadAsStringAsync();
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                }

                var elapsed = clock.Elapsed.TotalMilliseconds;
                lock (gate)
                {
                    latencies.Add(elapsed);
                    if (first)
                    {
                        misses.Add(elapsed);
                    }

                    var question = url.IndexOf('?', StringComparison.Ordinal);
                    var endpoint = question < 0 ? url : url[..question];
                    (byEndpoint.TryGetValue(endpoint, out var list) ? list : byEndpoint[endpoint] = []).Add(elapsed);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    errors += status == 200 ? 0 : 1;
                    if (status != 200)
                    {
                        failures.TryAdd(endpoint, $"{url} -> {status}: {body[..Math.Min(body.Length, 300)]}");
                    }
                }
            }
        }));
        latencies.Sort();
        misses.Sort();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"== {label}");
        Console.WriteLine(string.Create(c, $"   requests {latencies.Count:N0} ({latencies.Count / duration.TotalSeconds:N0}/s), errors {errors} (statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}), p50 {Percentile(latencies, 0.50):N1} ms, p99 {Percentile(latencies, 0.99):N1} ms"));
        Console.WriteLine(string.Create(c, $"   first request of a URL (a cache miss): {misses.Count:N0} of {seen.Count:N0} URLs, p50 {Percentile(misses, 0.50):N1} ms, p99 {Percentile(misses, 0.99):N1} ms"));
        foreach (var (endpoint, list) in byEndpoint.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            list.Sort();
            Console.WriteLine(string.Create(c, $"   {endpoint,-16} {list.Count,6:N0} requests, p50 {Percentile(list, 0.50),7:N1} ms, p99 {Percentile(list, 0.99),7:N1} ms"));
        }

        foreach (var (endpoint, failure) in failures)
        {
            Console.WriteLine($"   a failure of {endpoint}: {failure}");
        }
    }

    /// <summary>Debian's ApacheBench against one URL: its summary lines.</summary>
    static string ApacheBench(int port, string url, int clients, TimeSpan duration)
    {
        var start = new ProcessStartInfo("/usr/bin/ab") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-k", "-c", clients.ToString(CultureInfo.InvariantCulture), "-t", duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture), "-n", "1000000", $"http://127.0.0.1:{port}{url}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wanted = new[] { "Complete requests", "Failed requests", "Non-2xx", "Requests per second", "  50%", "  99%" };
        return string.Join('\n', output.Split('\n').Where(line => wanted.Any(w => line.StartsWith(w, StringComparison.Ordinal))).Select(line => "   " + line.Trim()));
    }

    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = await http.GetAsync("/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("The atlas did not start.");
    }
}
