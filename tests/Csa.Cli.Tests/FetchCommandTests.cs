using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa fetch police-uk</c> against <see cref="ReplayServer"/> on loopback, serving the bundled real Northumbria zip as
/// data.police.uk's archive of 2022-12: a fetched month is the same as a direct import of the zip; a dropped connection
/// resumes with a range request; a corrupt download is detected by its MD5 and fetched again; no server is a clear error.</summary>
public sealed class FetchCommandTests
{
    /// <summary>The archive of 2022-12 (which holds 2020-01..2022-12 of every force), played by the bundled zip.</summary>
    static readonly Dictionary<string, string> Archive = new(StringComparer.Ordinal) { ["2022-12.zip"] = TestPaths.NorthumbriaZip };

    static async Task<CsaProcess.Result> FetchAsync(ScratchFolder scratch, Uri baseUrl, string store = "csa.duckdb") =>
        await CsaProcess.RunAsync(scratch, "fetch", "police-uk", "--from", "2022-10", "--to", "2022-12", "--force", "Northumbria", "--base-url", baseUrl.ToString(), "--cache", scratch.File("cache"), "--store", store);

    [Fact]
    public async Task AFetchedQuarter_IsTheSameAsADirectImportOfTheZip()
    {
        using var scratch = TestPaths.NewScratchFolder();
        using var server = new ReplayServer(Archive) { PublishMd5 = true };
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, "--store", "fetched.duckdb")).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, "--store", "direct.duckdb")).ExitCode);

        var fetched = await FetchAsync(scratch, server.BaseUrl, "fetched.duckdb");
        var direct = await CsaProcess.RunAsync(scratch, "import", "police-uk", TestPaths.NorthumbriaZip, "--store", "direct.duckdb");
        var again = await FetchAsync(scratch, server.BaseUrl, "fetched.duckdb");

        Assert.True(fetched.ExitCode == 0, fetched.Output + fetched.Error);
        Assert.Contains("Imported 3 street files", fetched.Output, StringComparison.Ordinal);
        Assert.Contains("2022-12.zip: downloaded and checked", fetched.Output, StringComparison.Ordinal);
        Assert.Contains("2022-12.zip: already in the cache, checked", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, direct.ExitCode);
        var fromFetch = await CsaProcess.RunAsync(scratch, "summary", "--area", "Northumbria", "--from", "2022-10", "--to", "2022-12", "--by", "month", "--store", "fetched.duckdb");
        var fromZip = await CsaProcess.RunAsync(scratch, "summary", "--area", "Northumbria", "--from", "2022-10", "--to", "2022-12", "--by", "month", "--store", "direct.duckdb");
        Assert.Equal(fromZip.Output, fromFetch.Output);
        Assert.True(File.Exists(scratch.File("cache/.csa-cache")));
    }

    [Fact]
    public async Task ADroppedConnection_ResumesWithARangeRequest()
    {
        using var scratch = TestPaths.NewScratchFolder();
        using var server = new ReplayServer(Archive) { DropFirstAfter = 1_000_000 };

        var result = await FetchAsync(scratch, server.BaseUrl);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        // The second request asks for the rest: from what the first left on disk before the connection dropped.
        Assert.Contains(server.Requests, r => r.Contains("Range: bytes=", StringComparison.Ordinal) && !r.Contains("bytes=0-", StringComparison.Ordinal));
        Assert.Contains("resuming", result.Output, StringComparison.Ordinal);
        Assert.Contains("Imported 3 street files", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorruptDownload_FailsItsMd5_AndIsFetchedAgain()
    {
        using var scratch = TestPaths.NewScratchFolder();
        using var server = new ReplayServer(Archive) { PublishMd5 = true, CorruptFirst = true };

        var result = await FetchAsync(scratch, server.BaseUrl);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("damaged (its MD5 is", System.Text.RegularExpressions.Regex.Replace(result.Output, @"\s+", " "), StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count(r => r.StartsWith("GET /archive/2022-12.zip ", StringComparison.Ordinal)));
        Assert.Contains("Imported 3 street files", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNoServer_TheErrorSaysSo_AndNothingIsImported()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var result = await FetchAsync(scratch, new Uri($"http://127.0.0.1:{CsaServer.FreePort()}/archive/"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Cannot reach http://127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.Contains("are you offline?", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(scratch.File("csa.duckdb")));
    }
}
