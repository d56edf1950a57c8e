using System.Net;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>While another process holds the store for writing, <c>csa serve</c> answers 503 with Retry-After, never naming the
/// store's path, and answers again once the store is free.</summary>
public sealed class StoreBusyTests
{
    [Fact]
    public async Task WhileAnotherProcessHoldsTheStore_TheAtlasAnswers503WithRetryAfter()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy)).ExitCode);
        var port = CsaServer.FreePort();
        using var server = CsaServer.Start(scratch, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await CsaServer.WaitUntilUpAsync(http);
            HttpResponseMessage busy;
            await using (await DuckDbStore.OpenAsync(scratch.File("csa.duckdb"), TimeProvider.System))
            {
                busy = await http.GetAsync("/api/areas?q=Hunt");
            }

            var body = await busy.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), busy.Headers.RetryAfter?.Delta);
            Assert.DoesNotContain(scratch.Path, body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/areas?q=Hunt")).StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }
}
