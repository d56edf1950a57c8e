using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Csa.Ingest.Boundaries;
using Csa.Ingest.Population;
using Csa.Web;
using Csa.Web.Extensions;

namespace Csa.Benchmarks;

/// <summary>A bounded load test of the atlas on loopback: concurrent clients for a fixed time against the map
/// (ward counts and rates, boundaries), the monthly series, period comparisons and hot spots, printing p50 and p99
/// latency and the errors, overall and per endpoint. Traffic goes to 127.0.0.1 only.</summary>
static class AtlasLoadBench
{
    public static async Task RunAsync(string repository, string scratch, int clients, TimeSpan duration)
    {
        var store = Path.Combine(scratch, "atlas.duckdb");
        await using (var writer = await SampleStore.CambridgeshireAsync(repository, store))
        {
            var sample = Path.Combine(repository, "data", "sample");
            foreach (var kind in new[] { "ward", "lsoa11" })
            {
                var (boundaries, boundarySource) = await BoundaryReader.ReadAsync(Path.Combine(sample, "boundaries", kind, "E07000011.geojson"));
                await writer.ImportBoundariesAsync([new(boundaries, boundarySource)]);
            }

            var (year, populations, populationSource) = await PopulationReader.ReadAsync(Path.Combine(sample, "population", "lsoa11-population-mid2015.csv"), null);
            await writer.ImportPopulationAsync(year, populations, populationSource);
        }

        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var server = AtlasHost.RunAsync(new AtlasOptions { StorePath = store, Public = true }, $"http://127.0.0.1:{port}", null, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilUpAsync(http);
        string[] urls =
        [
            "/api/wards?area=Huntingdonshire&period=2019-07..2019-09&category=All%20crime",
            "/api/wards?area=Huntingdonshire&period=2019-08&category=Burglary",
            "/api/series?area=E05011261&category=All%20crime",
            "/api/boundaries?area=Huntingdonshire",
            "/api/compare?area=E05011261&current=2019-09&category=All%20crime",
            "/api/compare?area=Huntingdonshire&current=2019-08..2019-09&previous=2019-07&category=Burglary",
            "/api/hotspots?area=Huntingdonshire&period=2019-07..2019-09&category=All%20crime",
        ];
        var latencies = new List<double>();
        var byEndpoint = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var errors = 0;
        var gate = new Lock();
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var i = client;
            while (deadline.Elapsed < duration)
            {
                var clock = Stopwatch.StartNew();
                var ok = false;
                var url = urls[i++ % urls.Length];
                try
                {
                    using var response = await http.GetAsync(url);
                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                }

                lock (gate)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    var endpoint = url[..url.IndexOf('?', StringComparison.Ordinal)];
                    (byEndpoint.TryGetValue(endpoint, out var list) ? list : byEndpoint[endpoint] = []).Add(clock.Elapsed.TotalMilliseconds);
                    errors += ok ? 0 : 1;
                }
            }
        }));
        await stop.CancelAsync();
        await server;
        latencies.Sort();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"== atlas load test: {clients} clients for {duration.TotalSeconds:0} s on loopback, public mode, map / series / boundaries / compare / hot spots");
        Console.WriteLine(string.Create(c, $"   requests {latencies.Count:N0} ({latencies.Count / duration.TotalSeconds:N0}/s), errors {errors}, p50 {Percentile(latencies, 0.50):N1} ms, p99 {Percentile(latencies, 0.99):N1} ms"));
        foreach (var (endpoint, list) in byEndpoint.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            list.Sort();
            Console.WriteLine(string.Create(c, $"   {endpoint,-16} {list.Count,6:N0} requests, p50 {Percentile(list, 0.50),7:N1} ms, p99 {Percentile(list, 0.99),7:N1} ms"));
        }
    }

    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task WaitUntilUpAsync(HttpClient http)
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
