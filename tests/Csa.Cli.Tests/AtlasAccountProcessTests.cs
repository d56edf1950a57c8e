using System.Net;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Accounts as an administrator and an attacker meet them: <c>csa user password|remove</c>, and a restricted
/// <c>csa serve</c> under a flood of large login names, in a child process whose managed heap is capped.</summary>
public sealed class AtlasAccountProcessTests
{
    [Fact]
    public async Task UserPasswordAndRemove_ChangeAndRemoveAccounts_AndSayWhenThereIsNone()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunWithInputAsync(scratch.Path, "a long enough password", "user", "add", "analyst", "--password-stdin")).ExitCode);

        var changed = await CsaProcess.RunWithInputAsync(scratch.Path, "another long password", "user", "password", "analyst", "--password-stdin");
        var tooShort = await CsaProcess.RunWithInputAsync(scratch.Path, "short", "user", "password", "analyst", "--password-stdin");
        var nobody = await CsaProcess.RunWithInputAsync(scratch.Path, "another long password", "user", "password", "nobody", "--password-stdin");
        var removed = await CsaProcess.RunAsync(scratch, "user", "remove", "analyst");
        var again = await CsaProcess.RunAsync(scratch, "user", "remove", "analyst");
        var badName = await CsaProcess.RunWithInputAsync(scratch.Path, "a long enough password", "user", "add", new string('n', 65), "--password-stdin");

        Assert.Equal(0, changed.ExitCode);
        Assert.Contains("Changed the password of 'analyst'; its open sessions are ended.", changed.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadQuery, tooShort.ExitCode);
        Assert.Contains("at least 12 characters", tooShort.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadQuery, nobody.ExitCode);
        Assert.Contains("There is no atlas account named 'nobody'.", nobody.Error, StringComparison.Ordinal);
        Assert.Equal(0, removed.ExitCode);
        Assert.Equal(ExitCodes.BadQuery, again.ExitCode);
        Assert.Equal(ExitCodes.BadQuery, badName.ExitCode);
        Assert.Contains("at most 64 characters", badName.Error, StringComparison.Ordinal);
    }

    /// <summary>10,000 logins with 12,000-character names against a restricted atlas whose managed heap is capped at 160 MiB
    /// (the names alone, kept as the throttle used to keep them, would need 240 MB): every one is answered with a 4xx, the
    /// server stays up, and this client's address ends up locked.</summary>
    [Fact]
    public async Task ALoginFloodOfLargeNames_IsAnsweredWithinAHeapLimit()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunWithInputAsync(scratch.Path, "a long enough password", "user", "add", "analyst", "--password-stdin")).ExitCode);
        var port = CsaServer.FreePort();
        using var server = CsaServer.Start(scratch, port, isPublic: false, new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0xA000000" });
        try
        {
            // No shared cookie container: its concurrent updates are not safe. The anti-forgery cookie is sent by hand.
            using var http = AtlasLogin.Client(port);
            await CsaServer.WaitUntilUpAsync(http);
            using var loginForm = await http.GetAsync("/login");
            // The token's name and value read once: a Match's groups are made on first use, which is not safe from four threads
            // at once (a CI run failed with a NullReferenceException there).
            var match = AtlasLogin.Token().Match(await loginForm.Content.ReadAsStringAsync());
            var (tokenName, tokenValue) = (match.Groups[1].Value, match.Groups[2].Value);
            var cookie = string.Join("; ", loginForm.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
            HttpRequestMessage Post(string name) => new(HttpMethod.Post, "/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    [tokenName] = tokenValue,
                    ["name"] = name,
                    ["password"] = "a long enough password",
                }),
                Headers = { { "Cookie", cookie } },
            };

            await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellationToken) =>
            {
                using var request = Post($"{i:D5}{new string('n', 11_995)}");
                using var response = await http.SendAsync(request, cancellationToken);
                statuses.Add(response.StatusCode);
            });
            using var real = Post("analyst");
            var login = await http.SendAsync(real);

            Assert.False(server.HasExited, "the server ran out of memory");
            Assert.Equal(10_000, statuses.Count);
            Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
            Assert.Equal(HttpStatusCode.TooManyRequests, login.StatusCode);
            Assert.Contains("Too many failed logins from this address", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await CsaServer.StopAsync(server);
        }
    }

    /// <summary><c>--keys DIR</c>: the cookie keys are written to that folder, so a login still holds when the atlas restarts
    /// with another home (another machine sharing the folder).</summary>
    [Fact]
    public async Task AKeyFolder_KeepsLoginsAcrossARestart()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunWithInputAsync(scratch.Path, "a long enough password", "user", "add", "analyst", "--password-stdin")).ExitCode);
        var keys = scratch.File("keys");
        var port = CsaServer.FreePort();
        using var http = AtlasLogin.Client(port);
        Task<System.Diagnostics.Process> StartAsync() => CsaServer.StartAndWaitAsync(scratch, port, ["--keys", keys], CsaServer.OwnHome(scratch));

        var first = await StartAsync();
        var login = await AtlasLogin.PostAsync(http, http, "analyst", "a long enough password");
        await CsaServer.StopAsync(first);
        using var second = await StartAsync();
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, login.Status);
            Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
            Assert.Equal(HttpStatusCode.OK, await AtlasLogin.GetAsync(http, "/api/config", login.Session!));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/config")).StatusCode);
        }
        finally
        {
            await CsaServer.StopAsync(second);
            first.Dispose();
        }
    }
}
