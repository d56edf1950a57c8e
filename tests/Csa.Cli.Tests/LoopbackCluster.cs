using System.Diagnostics;

namespace Csa.Cli.Tests;

/// <summary>A throw-away PostgreSQL cluster on a free loopback port, made by the test itself with Debian's binaries (the
/// steps of STACK.md): a primary from <c>initdb</c>, or a streaming replica of one from <c>pg_basebackup</c>. Run as the
/// <c>postgres</c> user when the tests run as root (initdb refuses root). Stopped and deleted when disposed.</summary>
sealed class LoopbackCluster : IAsyncDisposable
{
    readonly string _root;
    readonly string _data;

    LoopbackCluster(string root, int port)
    {
        _root = root;
        _data = Path.Combine(root, "data");
        Port = port;
    }

    /// <summary>The port it listens on, at 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string to <paramref name="database"/> as the superuser <c>postgres</c>.</summary>
    public string ConnectionString(string database = "postgres") => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    /// <summary>A new primary, started.</summary>
    public static async Task<LoopbackCluster> StartPrimaryAsync()
    {
        var cluster = new LoopbackCluster(NewRoot(), CsaServer.FreePort());
        await RunAsync("initdb", "-D", cluster._data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartAsync();
        return cluster;
    }

    /// <summary>A streaming replica of <paramref name="primary"/> (<c>pg_basebackup -R -X stream --checkpoint=fast</c>: a spread checkpoint would make it wait minutes), started: it replays
    /// what the primary commits and refuses every write.</summary>
    public static async Task<LoopbackCluster> StartReplicaAsync(LoopbackCluster primary)
    {
        var cluster = new LoopbackCluster(NewRoot(), CsaServer.FreePort());
        await RunAsync("pg_basebackup", "-h", "127.0.0.1", "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-D", cluster._data, "-R", "-X", "stream", "--checkpoint=fast");
        await cluster.StartAsync();
        return cluster;
    }

    Task StartAsync() => RunAsync(
        "pg_ctl", "-D", _data, "-l", Path.Combine(_root, "server.log"), "-w", "-o",
        $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start");

    /// <summary>Stops the cluster at once and deletes it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("pg_ctl", "-D", _data, "-m", "immediate", "stop");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A folder the <c>postgres</c> user owns, under a parent every user may pass through.</summary>
    static string NewRoot()
    {
        var root = Path.Combine("/tmp", "csa-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (RunningAsRoot)
        {
            using var chown = Process.Start("chown", ["postgres:postgres", root])!;
            chown.WaitForExit();
        }

        return root;
    }

    static bool RunningAsRoot => PostgresBinaries.RunningAsRoot;

    static Task RunAsync(string program, params string[] args) => PostgresBinaries.RunAsync(program, asServerUser: true, args);
}
