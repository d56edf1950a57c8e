using System.Diagnostics;
using System.Net;
using Csa.Storage.Contract.Tests;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Several <c>csa serve</c> processes on one PostgreSQL store, each connecting with the role <c>csa store grant</c>
/// made for it: a login made on one instance holds on the other and after a restart (the cookie keys are in the store),
/// failed logins lock an account whichever instances they reach, forwarded headers count only from a configured proxy, and
/// a role that may not write the login records serves the public atlas only.</summary>
public sealed class SeveralInstancesOnPostgresTests : IAsyncLifetime
{
    const string Password = "a long enough password";
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();
    readonly List<Process> _servers = [];
    readonly List<string> _roles = [];
    string _store = string.Empty;

    public async Task InitializeAsync()
    {
        if (TestPostgres.Admin is null)
        {
            return;
        }

        _store = await TestPostgres.CreateDatabaseAsync();
        await CsaProcess.ImportCambridgeshireAsync(_scratch, _store);
        Assert.Equal(0, (await CsaProcess.RunWithInputAsync(_scratch.Path, Password, "user", "add", "analyst", "--password-stdin", "--store", _store)).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunWithInputAsync(_scratch.Path, Password, "user", "add", "second", "--password-stdin", "--store", _store)).ExitCode);
    }

    [SkippableFact]
    public async Task ALoginOnOneInstance_HoldsOnAnother_AndAfterARestart_AndLockoutIsShared()
    {
        TestPostgres.RequireServer();
        var atlas = await RoleAsync("atlas");
        var (a, b) = (CsaServer.FreePort(), CsaServer.FreePort());
        var first = await StartAsync(atlas, a);
        await StartAsync(atlas, b);
        using var httpA = AtlasLogin.Client(a);
        using var httpB = AtlasLogin.Client(b);

        // A form from one instance, posted to the other: the anti-forgery token is read with the shared keys too.
        var login = await AtlasLogin.PostAsync(httpA, httpB, "analyst", Password);
        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        Assert.NotNull(login.Session);
        Assert.Equal(HttpStatusCode.OK, await AtlasLogin.GetAsync(httpB, "/api/series?area=Huntingdonshire", login.Session));
        Assert.Equal(HttpStatusCode.OK, await AtlasLogin.GetAsync(httpA, "/api/series?area=Huntingdonshire", login.Session));

        // The first instance restarts: the login still holds there.
        await CsaServer.StopAsync(first);
        await StartAsync(atlas, a);
        Assert.Equal(HttpStatusCode.OK, await AtlasLogin.GetAsync(httpA, "/api/series?area=Huntingdonshire", login.Session));

        // Five wrong passwords, alternating between the instances, lock the account on both.
        for (var i = 0; i < Core.Security.LockoutPolicy.Account.MaxFailures; i++)
        {
            var wrong = await AtlasLogin.PostAsync(i % 2 == 0 ? httpA : httpB, httpA, "second", "not the password at all");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        }

        var locked = await AtlasLogin.PostAsync(httpB, httpB, "second", Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        Assert.Contains("The account is locked", locked.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AtlasLogin.PostAsync(httpA, httpA, "second", Password)).Status);
    }

    [SkippableFact]
    public async Task ForwardedAddresses_CountOnlyFromAConfiguredProxy()
    {
        TestPostgres.RequireServer();
        var atlas = await RoleAsync("atlas");
        var (behindProxy, direct) = (CsaServer.FreePort(), CsaServer.FreePort());
        await StartAsync(atlas, behindProxy, "--proxy", "127.0.0.1");
        await StartAsync(atlas, direct);
        using var proxied = AtlasLogin.Client(behindProxy);
        using var plain = AtlasLogin.Client(direct);

        for (var i = 0; i < Core.Security.LockoutPolicy.Client.MaxFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AtlasLogin.PostAsync(proxied, proxied, $"guess{i}", "not the password at all", "203.0.113.7")).Status);
        }

        // The proxy's word is believed: that address is locked, another is not.
        var lockedClient = await AtlasLogin.PostAsync(proxied, proxied, "analyst", Password, "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedClient.Status);
        Assert.Contains("Too many failed logins from this address", lockedClient.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AtlasLogin.PostAsync(proxied, proxied, "analyst", Password, "203.0.113.8")).Status);

        // Without --proxy the header is anyone's word and is ignored: the client is this machine, which is not locked.
        Assert.Equal(HttpStatusCode.Redirect, (await AtlasLogin.PostAsync(plain, plain, "analyst", Password, "203.0.113.7")).Status);
    }

    [SkippableFact]
    public async Task APublicRole_ServesThePublicAtlas_AndRefusesTheRestrictedOneAtStart()
    {
        TestPostgres.RequireServer();
        var reader = await RoleAsync("public");
        var asReader = As(reader);

        var restricted = await CsaProcess.RunAsync(_scratch, "serve", "--store", asReader, "--urls", $"http://127.0.0.1:{CsaServer.FreePort()}");
        Assert.Equal(ExitCodes.StoreUnusable, restricted.ExitCode);
        Assert.Contains($"The restricted atlas cannot be served here: the role {reader} may not read the accounts", restricted.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", restricted.Error, StringComparison.Ordinal);

        var port = CsaServer.FreePort();
        _servers.Add(await CsaServer.StartAndWaitAsync(_scratch, port, ["--store", asReader, "--public"]));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/series?area=Huntingdonshire")).StatusCode);

        var import = await CsaProcess.RunAsync(_scratch, "import", "police-uk", "--store", asReader, TestPaths.NorthumbriaZip);
        Assert.Equal(ExitCodes.StoreUnusable, import.ExitCode);
        Assert.Contains("The store refused to be written (42501: permission denied for table", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", import.Error, StringComparison.Ordinal);
    }

    async Task<string> RoleAsync(string access)
    {
        var role = await TestPostgres.CreateLoginRoleAsync("csa_" + access + "_");
        _roles.Add(role);

        var grant = await CsaProcess.RunAsync(_scratch, "store", "grant", "--store", _store, "--role", role, "--access", access);
        Assert.True(grant.ExitCode == 0, grant.Error);
        return role;
    }

    string As(string role) => TestPostgres.As(_store, role);

    async Task<Process> StartAsync(string role, int port, params string[] more)
    {
        // A home of its own for every start, as on a machine of its own: no key folder is shared but the store.
        var server = await CsaServer.StartAndWaitAsync(_scratch, port, ["--store", As(role), .. more], CsaServer.OwnHome(_scratch));
        _servers.Add(server);
        return server;
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Where(s => !s.HasExited))
        {
            await CsaServer.StopAsync(server);
        }

        if (_store.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(_store);
            foreach (var role in _roles)
            {
                await TestPostgres.DropRoleAsync(role);
            }
        }

        _scratch.Dispose();
    }
}
