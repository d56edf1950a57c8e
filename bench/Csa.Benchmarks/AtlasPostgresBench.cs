using Csa.Storage;
using Csa.Storage.DuckDb;
using Csa.Storage.Postgres;
using Csa.Web;
using Csa.Web.Extensions;
using Npgsql;

namespace Csa.Benchmarks;

/// <summary>The atlas's load test on PostgreSQL beside DuckDB's, in one process: the same sample store (copied from DuckDB
/// into a new database with <c>csa store copy</c>'s code), the same clients and random parameters; then, given a streaming
/// replica of the server, two atlas instances reading the replica with the clients spread between them.</summary>
static class AtlasPostgresBench
{
    public static async Task RunAsync(string repository, string scratch, string server, string? replica, int clients, TimeSpan duration)
    {
        var file = Path.Combine(scratch, "atlas.duckdb");
        await AtlasLoadBench.MakeStoreAsync(repository, file);
        var database = "csa_atlas_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var onServer = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            await using (var source = await DuckDbStore.OpenAsync(file, TimeProvider.System))
            await using (var target = await PostgresStore.OpenAsync(PostgresLocation.Parse(onServer), TimeProvider.System))
            {
                await target.CopyFromAsync(source);
            }

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {clients} clients for {duration.TotalSeconds:0} s each on loopback, public mode; parameters drawn at random (seed 17)");
            await LoadAsync("DuckDB", [new DuckDbStoreReaders(file, keepAnswers: true, TimeProvider.System)], clients, duration);
            await LoadAsync("PostgreSQL, one instance on the primary", [new PostgresStoreReaders(PostgresLocation.Parse(onServer), TimeProvider.System)], clients, duration);
            if (replica is not null)
            {
                var onReplica = new NpgsqlConnectionStringBuilder(replica) { Database = database }.ConnectionString;
                await WaitForReplayAsync(onServer, onReplica);
                await LoadAsync(
                    "PostgreSQL, two instances on a streaming replica (clients spread between them)",
                    [new PostgresStoreReaders(PostgresLocation.Parse(onReplica), TimeProvider.System), new PostgresStoreReaders(PostgresLocation.Parse(onReplica), TimeProvider.System)],
                    clients,
                    duration);
            }
        }
        finally
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>The atlas on each of <paramref name="readers"/> (one instance each, in this process), under the ward map
    /// alone, the ward map with every response a cache miss, and the mix.</summary>
    static async Task LoadAsync(string label, IStoreReaders[] readers, int clients, TimeSpan duration)
    {
        var instances = new List<(Task Server, CancellationTokenSource Stop, HttpClient Http)>();
        foreach (var reader in readers)
        {
            var port = AtlasLoadBench.FreePort();
            var stop = new CancellationTokenSource();
            var host = AtlasHost.RunAsync(new AtlasOptions { Public = true }, $"http://127.0.0.1:{port}", null, _ => reader, stop.Token);
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await AtlasLoadBench.WaitUntilUpAsync(http);
            instances.Add((host, stop, http));
        }

        Console.WriteLine($"#### {label}");
        var clientsOf = instances.Select(i => i.Http).ToArray();
        await AtlasLoadBench.RunMixAsync("ward map only (random district, period, category)", clientsOf, clients, duration, AtlasLoadBench.WardMapUrl);
        var unique = 0;
        await AtlasLoadBench.RunMixAsync("ward map, every response a cache miss (a unique unused parameter on each URL)", clientsOf, clients, duration, random => AtlasLoadBench.WardMapUrl(random) + "&n=" + Interlocked.Increment(ref unique));
        await AtlasLoadBench.RunMixAsync("the mix (map, boundaries, series, compare, hot spots)", clientsOf, clients, duration, AtlasLoadBench.MixUrl);
        foreach (var (server, stop, http) in instances)
        {
            await stop.CancelAsync();
            await server;
            stop.Dispose();
            http.Dispose();
        }

        foreach (var reader in readers)
        {
            await reader.DisposeAsync();
        }
    }

    /// <summary>Waits until the replica holds the ledger the primary holds (replay takes about a second).</summary>
    static async Task WaitForReplayAsync(string primary, string replica)
    {
        const string Ledger = "SELECT count(*) FROM import_file";
        var expected = await ScalarAsync(primary, Ledger);
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if (Equals(await ScalarAsync(replica, Ledger), expected))
                {
                    return;
                }
            }
            catch (PostgresException)
            {
                // The database is not replayed yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The replica did not replay the bench's database within a minute.");
    }

    static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
