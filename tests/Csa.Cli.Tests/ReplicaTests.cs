using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Csa.Storage.Contract.Tests;
using Csa.Tests;
using Npgsql;

namespace Csa.Cli.Tests;

/// <summary>The public atlas served from a streaming replica: a primary and a replica on loopback, both started by the test;
/// imports go to the primary; two <c>csa serve --public</c> instances read the replica and show an import once the replica
/// has replayed it, and still show it after an instance restarts. The replica refuses writes, and the restricted atlas.</summary>
public sealed class ReplicaTests(Xunit.Abstractions.ITestOutputHelper output)
{
    readonly Stopwatch _clock = Stopwatch.StartNew();

    void Step(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");

    [SkippableFact]
    public async Task TwoInstancesOnAReplica_ShowAnImportOnceReplayed_AndKeepItAcrossARestart()
    {
        TestPostgres.RequireServer(); // the PostgreSQL tests run where the server's binaries are
        using var scratch = TestPaths.NewScratchFolder();
        await using var primary = await LoopbackCluster.StartPrimaryAsync();
        Step("primary started");
        await using (var connection = new NpgsqlConnection(primary.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE csa", connection);
            await create.ExecuteNonQueryAsync();
        }

        var (onPrimary, replicaStore) = (primary.ConnectionString("csa"), string.Empty);
        await CsaProcess.ImportCambridgeshireAsync(scratch, onPrimary);
        await using var replica = await LoopbackCluster.StartReplicaAsync(primary);
        replicaStore = replica.ConnectionString("csa");
        Step("imported into the primary; replica started");

        var ports = new[] { CsaServer.FreePort(), CsaServer.FreePort() };
        var servers = new List<Process>();
        try
        {
            foreach (var port in ports)
            {
                servers.Add(await StartAsync(scratch, replicaStore, port));
            }

            Step("two instances up on the replica");
            var clients = ports.Select(p => new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{p}") }).ToArray();
            foreach (var http in clients)
            {
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/series?area=Huntingdonshire")).StatusCode);
                Assert.Equal(0, await NewcastleMonthsAsync(http));
            }

            // The replica takes no writes, and cannot count logins.
            var refused = await CsaProcess.RunAsync(scratch, "import", "police-uk", "--store", replicaStore, TestPaths.NorthumbriaZip);
            Assert.Equal(ExitCodes.StoreUnusable, refused.ExitCode);
            Assert.Contains("The store refused to be written (25006: cannot execute", refused.Error, StringComparison.Ordinal);
            var restricted = await CsaProcess.RunAsync(scratch, "serve", "--store", replicaStore, "--urls", $"http://127.0.0.1:{CsaServer.FreePort()}");
            Assert.Equal(ExitCodes.StoreUnusable, restricted.ExitCode);
            Assert.Contains("is a replica (read-only)", restricted.Error, StringComparison.Ordinal);

            Step("replica refused an import and the restricted atlas");

            // An import into the primary reaches both instances once the replica has replayed it.
            var import = await CsaProcess.RunAsync(scratch, "import", "police-uk", "--store", onPrimary, TestPaths.NorthumbriaZip);
            Assert.True(import.ExitCode == 0, import.Error);
            foreach (var http in clients)
            {
                Assert.InRange(await EventuallyAsync(() => NewcastleMonthsAsync(http), months => months >= 33), 33, 40);
            }

            Step("both instances show the import");

            // An instance restarts: what it shows comes from the store, so nothing is lost.
            await CsaServer.StopAsync(servers[0]);
            servers[0] = await StartAsync(scratch, replicaStore, ports[0]);
            Assert.Equal(await NewcastleMonthsAsync(clients[1]), await NewcastleMonthsAsync(clients[0]));
            Step("the restarted instance shows it too");
        }
        finally
        {
            foreach (var server in servers.Where(s => !s.HasExited))
            {
                await CsaServer.StopAsync(server);
            }

            Step("instances stopped");
        }
    }

    static Task<Process> StartAsync(ScratchFolder scratch, string store, int port) =>
        CsaServer.StartAndWaitAsync(scratch, port, ["--store", store, "--public"]);

    /// <summary>Newcastle's months with street crimes held, as the atlas shows them (0 before any is imported).</summary>
    static async Task<int> NewcastleMonthsAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/api/series?area=E08000021");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return 0;
        }

        using var series = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return series.RootElement.GetProperty("months").GetArrayLength();
    }

    /// <summary>The value once <paramref name="done"/> holds, asked every 100 ms for at most 60 s (replay and the atlas's data
    /// version each take about a second; the machine may be busy with other tests).</summary>
    static async Task<int> EventuallyAsync(Func<Task<int>> ask, Func<int, bool> done)
    {
        var value = 0;
        for (var i = 0; i < 600 && !done(value = await ask()); i++)
        {
            await Task.Delay(100);
        }

        return value;
    }
}
