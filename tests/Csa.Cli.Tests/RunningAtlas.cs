using System.Diagnostics;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>A <c>csa serve</c> process answering on a free loopback port, with a client for it; disposing it stops the
/// process (its whole tree) and waits for it to exit, whatever the test did.</summary>
sealed class RunningAtlas : IAsyncDisposable
{
    readonly Process _process;

    RunningAtlas(Process process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    /// <summary>A client whose base address is the atlas.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the public atlas on the store in <paramref name="scratch"/> (its <c>csa.duckdb</c>) and waits until it answers.</summary>
    public static Task<RunningAtlas> StartAsync(ScratchFolder scratch) => StartAsync(scratch, ["--public"]);

    /// <summary>Starts <c>csa serve</c> with these further arguments (the address is added) and waits until it answers.</summary>
    public static async Task<RunningAtlas> StartAsync(ScratchFolder scratch, string[] serveArgs)
    {
        var port = CsaServer.FreePort();
        var process = await CsaServer.StartAndWaitAsync(scratch, port, serveArgs);
        return new RunningAtlas(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await CsaServer.StopAsync(_process);
        _process.Dispose();
    }
}
