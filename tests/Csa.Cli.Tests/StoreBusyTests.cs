using System.Net;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>While another process writes the store, <c>csa serve</c> answers 503 with Retry-After, never naming the store's
/// path, and answers again once the store is free: the server holds the store between requests and lets go of it when a
/// writer asks (<see cref="StoreHandover"/>).</summary>
public sealed class StoreBusyTests
{
    [Fact]
    public async Task WhileAnotherProcessHoldsTheStore_TheAtlasAnswers503WithRetryAfter()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy)).ExitCode);
        await using (var atlas = await RunningAtlas.StartAsync(scratch))
        {
            var http = atlas.Http;
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/areas?q=Hunt")).StatusCode);
            Assert.True(File.Exists(StoreHandover.ServerMark(scratch.File("csa.duckdb"))), "the server marks that it holds the store");
            HttpResponseMessage busy;
            await using (await DuckDbStore.OpenAsync(scratch.File("csa.duckdb"), TimeProvider.System))
            {
                // The writer got in: the server let go of the file and says so to every request it cannot answer from its
                // kept answers (the one asked before is still the store's latest: the writer has changed nothing yet).
                Assert.False(File.Exists(StoreHandover.ServerMark(scratch.File("csa.duckdb"))));
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/areas?q=Hunt")).StatusCode);
                busy = await http.GetAsync("/api/areas?q=Cambridge");
            }

            var body = await busy.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
            Assert.DoesNotContain(scratch.Path, body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/areas?q=Hunt")).StatusCode);
            Assert.False(File.Exists(StoreHandover.WriterMark(scratch.File("csa.duckdb"))), "the writer removes its mark when it closes the store");
        }
    }
}
