using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Runs <c>csa serve --public</c> as a real process on a free loopback port, for tests that need the atlas beside the CLI.</summary>
static class CsaServer
{
    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the atlas, public or restricted, with these environment variables set (a heap limit, for example).</summary>
    public static Process Start(ScratchFolder scratch, int port, bool isPublic, IReadOnlyDictionary<string, string> environment) =>
        Start(scratch, isPublic ? ["--urls", $"http://127.0.0.1:{port}", "--public"] : ["--urls", $"http://127.0.0.1:{port}"], environment);

    /// <summary>Starts <c>csa serve</c> with these arguments and environment variables.</summary>
    public static Process Start(ScratchFolder scratch, string[] serveArgs, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = scratch.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "csa.dll"), "serve" }.Concat(serveArgs))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CI"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Starts <c>csa serve</c> on the loopback <paramref name="port"/> with these further arguments and environment
    /// variables, and waits until it answers; one that does not is stopped before the failure is reported.</summary>
    public static async Task<Process> StartAndWaitAsync(ScratchFolder scratch, int port, string[] serveArgs, IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = Start(scratch, ["--urls", $"http://127.0.0.1:{port}", .. serveArgs], environment ?? new Dictionary<string, string>());
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(http);
            return server;
        }
        catch
        {
            await StopAsync(server);
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stops a server (and any process it started) and waits until it has exited.</summary>
    public static async Task StopAsync(Process server)
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
    }

    /// <summary>Environment variables giving a server a new home folder of its own in <paramref name="scratch"/>, as on a
    /// machine of its own: no ASP.NET Core key folder is shared with another server.</summary>
    public static Dictionary<string, string> OwnHome(ScratchFolder scratch)
    {
        var home = scratch.File($"home-{Guid.NewGuid():N}");
        Directory.CreateDirectory(home);
        return new Dictionary<string, string> { ["HOME"] = home };
    }

    /// <summary>Waits until the atlas answers (at most a minute: the machine may be busy with other tests).</summary>
    public static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await http.GetAsync("/api/config");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("csa serve did not start within a minute.");
    }
}
