using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Csa.Ingest.Boundaries;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Storage.DuckDb;
using Csa.Web;

namespace Csa.Benchmarks;

/// <summary>A bounded load test of the atlas on loopback: concurrent clients for a fixed time against the map's
/// ward counts and the monthly series, printing p50 and p99 latency and the errors. Traffic goes to 127.0.0.1 only.</summary>
static class AtlasLoadBench
{
    public static async Task RunAsync(string repository, string scratch, int clients, TimeSpan duration)
    {
        var store = Path.Combine(scratch, "atlas.duckdb");
        await using (var writer = await DuckDbStore.OpenAsync(store, TimeProvider.System))
        {
            var sample = Path.Combine(repository, "data", "sample");
            foreach (var file in new[] { "lsoa11-ward19-lad19.csv", "lad19-csp19-pfa19.csv" })
            {
                var (lookup, source) = await GeographyLookupReader.ReadAsync(Path.Combine(sample, "geography", file));
                await writer.ImportGeographyAsync(lookup, source);
            }

            await new PoliceUkImporter(writer).ImportAsync([Path.Combine(sample, "police-uk", "cambridgeshire")]);
            var (wards, boundarySource) = await BoundaryReader.ReadAsync(Path.Combine(sample, "boundaries", "ward", "E07000011.geojson"));
            await writer.ImportBoundariesAsync(wards, boundarySource);
        }

        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var server = AtlasHost.RunAsync(store, $"http://127.0.0.1:{port}", isPublic: true, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilUpAsync(http);
        string[] urls =
        [
            "/api/wards?area=Huntingdonshire&period=2019-07..2019-09&category=All%20crime",
            "/api/wards?area=Huntingdonshire&period=2019-08&category=Burglary",
            "/api/series?area=E05011261&category=All%20crime",
            "/api/boundaries?area=Huntingdonshire",
        ];
        var latencies = new List<double>();
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
                try
                {
                    using var response = await http.GetAsync(urls[i++ % urls.Length]);
                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                }

                lock (gate)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    errors += ok ? 0 : 1;
                }
            }
        }));
        await stop.CancelAsync();
        await server;
        latencies.Sort();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"== atlas load test: {clients} clients for {duration.TotalSeconds:0} s on loopback, public mode, ward counts / series / boundaries");
        Console.WriteLine(string.Create(c, $"   requests {latencies.Count:N0} ({latencies.Count / duration.TotalSeconds:N0}/s), errors {errors}, p50 {Percentile(latencies, 0.50):N1} ms, p99 {Percentile(latencies, 0.99):N1} ms"));
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
