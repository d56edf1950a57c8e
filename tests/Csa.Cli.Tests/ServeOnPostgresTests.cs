using System.Net;
using System.Text.Json;
using Csa.Storage.Contract.Tests;
using Csa.Tests;
using Xunit.Abstractions;

namespace Csa.Cli.Tests;

/// <summary><c>csa serve</c> on a PostgreSQL store, with <c>csa import</c> in another process at the same time: every request
/// is answered (200, never 503: the atlas does not let go of anything), the import lands, and the atlas then answers with
/// the new data under new ETags (the data version is read about once a second).</summary>
public sealed class ServeOnPostgresTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ServeAndImport_RunAtOnce_AndTheAtlasFollowsTheImport()
    {
        TestPostgres.RequireServer();
        using var scratch = TestPaths.NewScratchFolder();
        var store = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await CsaProcess.ImportCambridgeshireAsync(scratch, store);
            await using (var atlas = await RunningAtlas.StartAsync(scratch, ["--store", store, "--public"]))
            {
                var http = atlas.Http;
                var before = await http.GetAsync("/api/series?area=Huntingdonshire");
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
                var tag = before.Headers.ETag;
                Assert.NotNull(tag);

                var statuses = new List<HttpStatusCode>();
                var import = CsaProcess.RunAsync(scratch, "import", "police-uk", "--store", store, TestPaths.NorthumbriaZip);
                while (!import.IsCompleted)
                {
                    using var response = await http.GetAsync("/api/series?area=Huntingdonshire");
                    statuses.Add(response.StatusCode);
                }

                var imported = await import;
                output.WriteLine($"During the import: {statuses.Count} requests, {statuses.Count(s => s == HttpStatusCode.OK)} answered 200.");
                Assert.True(imported.ExitCode == 0, $"exit {imported.ExitCode}: {imported.Error}");
                Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

                // Within a few seconds the atlas's data version follows the import: the old tag no longer matches.
                HttpResponseMessage? changed = null;
                for (var i = 0; i < 100; i++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/series?area=Huntingdonshire");
                    request.Headers.IfNoneMatch.Add(tag);
                    changed = await http.SendAsync(request);
                    if (changed.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }

                    await Task.Delay(100);
                }

                Assert.Equal(HttpStatusCode.OK, changed!.StatusCode);
                Assert.NotEqual(tag, changed.Headers.ETag);
                using var newcastle = JsonDocument.Parse(await (await http.GetAsync("/api/series?area=E08000021")).Content.ReadAsStringAsync());
                Assert.True(newcastle.RootElement.GetProperty("months").GetArrayLength() >= 33, "Newcastle's months are served after the import");
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(store);
        }
    }
}
