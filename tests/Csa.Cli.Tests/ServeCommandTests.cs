using System.Net;
using System.Text.Json;
using Csa.Tests;
using Xunit.Abstractions;

namespace Csa.Cli.Tests;

/// <summary><c>csa serve</c> and <c>csa import</c> as two processes on one store: the atlas holds the store between requests
/// and lets an import in when it asks; during the import requests are answered 200 or 503 (try again), never anything else;
/// afterwards the atlas answers with the new data under new ETags, and nothing is corrupted.</summary>
public sealed class ServeCommandTests(ITestOutputHelper output)
{
    /// <summary>A command that only reads opens the file read-only beside the atlas: the atlas is not asked to let go, so
    /// every request made meanwhile is answered 200 (an import still takes the store in turn, below).</summary>
    [Fact]
    public async Task ACommandThatOnlyReads_RunsBesideTheAtlas_WithoutA503()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await CsaProcess.ImportCambridgeshireAsync(scratch);
        await using (var atlas = await RunningAtlas.StartAsync(scratch))
        {
            var http = atlas.Http;
            var statuses = new List<HttpStatusCode>();
            var compare = CsaProcess.RunAsync(scratch, "compare", "--area", "Huntingdonshire", "--period", "2019-09", "--vs", "2019-08", "--tree", "police-uk");
            while (!compare.IsCompleted)
            {
                using var response = await http.GetAsync("/api/series?area=Huntingdonshire&n=" + statuses.Count);
                statuses.Add(response.StatusCode);
            }

            var result = await compare;
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("Huntingdonshire", result.Output, StringComparison.Ordinal);
            Assert.NotEmpty(statuses);
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        }
    }

    [Fact]
    public async Task ServeAndImport_ShareTheStore_WithoutCorruptingIt()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await CsaProcess.ImportCambridgeshireAsync(scratch);
        await using (var atlas = await RunningAtlas.StartAsync(scratch))
        {
            var http = atlas.Http;
            using (var before = JsonDocument.Parse(await http.GetStringAsync("/api/wards?area=Huntingdonshire&period=2019-07..2019-09")))
            {
                Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("populationYear").ValueKind);
            }

            // An import while the atlas is idle: it writes, and the atlas's next answer has the new data.
            var population = await CsaProcess.RunAsync(scratch, "import", "population", Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"));
            Assert.True(population.ExitCode == 0, population.Error);
            using (var after = JsonDocument.Parse(await http.GetStringAsync("/api/wards?area=Huntingdonshire&period=2019-07..2019-09")))
            {
                Assert.Equal(2015, after.RootElement.GetProperty("populationYear").GetInt32());
            }

            // An import while requests keep arriving: each request is answered (200) or told to try again (503);
            // the import gets in (the atlas lets go of the store when it asks); never a 500, never a broken store.
            var huntingdonshireTag = (await http.GetAsync("/api/series?area=Huntingdonshire")).Headers.ETag;
            Assert.NotNull(huntingdonshireTag);
            using (var unchanged = new HttpRequestMessage(HttpMethod.Get, "/api/series?area=Huntingdonshire"))
            {
                unchanged.Headers.IfNoneMatch.Add(huntingdonshireTag);
                Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(unchanged)).StatusCode);
            }

            var newcastleBefore = await http.GetAsync("/api/series?area=E08000021");
            var statuses = new List<HttpStatusCode>();
            var import = CsaProcess.RunAsync(scratch, "import", "police-uk", TestPaths.NorthumbriaZip);
            while (!import.IsCompleted)
            {
                using var response = await http.GetAsync("/api/series?area=Huntingdonshire");
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Contains("\"status\":503", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                    Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
                }
            }

            var imported = await import;
            output.WriteLine($"During the import: {statuses.Count(s => s == HttpStatusCode.OK)} answers 200, {statuses.Count(s => s == HttpStatusCode.ServiceUnavailable)} answers 503; the import exited {imported.ExitCode}.");
            Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
            Assert.True(imported.ExitCode == 0, $"exit {imported.ExitCode}: {imported.Error}");

            // The new data, under new tags: the old tag no longer matches, and Newcastle (Northumbria) now has months.
            using (var changed = new HttpRequestMessage(HttpMethod.Get, "/api/series?area=Huntingdonshire"))
            {
                changed.Headers.IfNoneMatch.Add(huntingdonshireTag);
                using var response = await http.SendAsync(changed);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.NotEqual(huntingdonshireTag, response.Headers.ETag);
                using var series = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal([897L, 788L, 768L], series.RootElement.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("crimes").GetInt64()));
            }

            var newcastleAfter = await http.GetAsync("/api/series?area=E08000021");
            Assert.Equal(HttpStatusCode.OK, newcastleAfter.StatusCode);
            using var newcastle = JsonDocument.Parse(await newcastleAfter.Content.ReadAsStringAsync());
            Assert.True(newcastle.RootElement.GetProperty("months").GetArrayLength() >= 33);
            Assert.NotEqual(await newcastleBefore.Content.ReadAsStringAsync(), await newcastleAfter.Content.ReadAsStringAsync());
        }

        var quality = await CsaProcess.RunAsync(scratch, "quality");
        Assert.True(quality.ExitCode == 0, quality.Error);
    }
}
