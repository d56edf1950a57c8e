using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Csa.Cli.Tests;

/// <summary>A small HTTP/1.1 server on loopback that serves files in data.police.uk's archive layout (<c>/archive/YYYY-MM.zip</c>),
/// with range requests and, on demand, the MD5 beside each file, a connection dropped half-way through a file's first
/// download, or a corrupt first download. No test touches the internet.</summary>
sealed class ReplayServer : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly Dictionary<string, byte[]> _files;
    readonly ConcurrentDictionary<string, int> _served = new(StringComparer.Ordinal);
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;

    public ReplayServer(IReadOnlyDictionary<string, string> files)
    {
        _files = files.ToDictionary(f => f.Key, f => File.ReadAllBytes(f.Value), StringComparer.Ordinal);
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The archive folder's URL.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/archive/");

    /// <summary>Publish <c>NAME.md5</c> beside each file.</summary>
    public bool PublishMd5 { get; init; }

    /// <summary>Drop the connection after this many bytes of a file's first download.</summary>
    public int? DropFirstAfter { get; init; }

    /// <summary>Serve a file's first download with bytes changed (the same length).</summary>
    public bool CorruptFirst { get; init; }

    /// <summary>Every request line received, with its Range header if any.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }

        _stop.Dispose();
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
            {
                head.Append((char)one[0]);
            }

            var lines = head.ToString().Split("\r\n");
            var path = lines[0].Split(' ')[1];
            var range = lines.FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase));
            Requests.Enqueue(lines[0] + (range is null ? string.Empty : " " + range));
            var name = path.Replace("/archive/", string.Empty, StringComparison.Ordinal);
            if (name.EndsWith(".md5", StringComparison.Ordinal))
            {
                var file = name[..^4];
                if (PublishMd5 && _files.TryGetValue(file, out var data))
                {
#pragma warning disable CA5351 // data.police.uk-style checksums are MD5: a check against damage, not security.
                    await RespondAsync(stream, "200 OK", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(MD5.HashData(data)) + "  " + file + "\n"), null);
#pragma warning restore CA5351
                }
                else
                {
                    await RespondAsync(stream, "404 Not Found", [], null);
                }

                return;
            }

            if (!_files.TryGetValue(name, out var bytes))
            {
                await RespondAsync(stream, "404 Not Found", [], null);
                return;
            }

            var first = _served.AddOrUpdate(name, 1, (_, n) => n + 1) == 1;
            var start = range is null ? 0 : long.Parse(range.Split('=')[1].TrimEnd('-'), CultureInfo.InvariantCulture);
            var body = bytes.AsSpan((int)start).ToArray();
            if (first && CorruptFirst)
            {
                for (var i = body.Length / 2; i < body.Length / 2 + 64 && i < body.Length; i++)
                {
                    body[i] ^= 0x5A;
                }
            }

            var status = start > 0 ? "206 Partial Content" : "200 OK";
            var contentRange = start > 0 ? $"Content-Range: bytes {start}-{bytes.Length - 1}/{bytes.Length}\r\n" : null;
            if (first && DropFirstAfter is { } drop)
            {
                await RespondAsync(stream, status, body, contentRange, drop);
                client.Client.LingerState = new LingerOption(true, 0);
                return; // the socket closes mid-body
            }

            await RespondAsync(stream, status, body, contentRange);
        }
    }

    static async Task RespondAsync(NetworkStream stream, string status, byte[] body, string? extra, int? sendOnly = null)
    {
        var header = $"HTTP/1.1 {status}\r\nContent-Length: {body.Length}\r\nAccept-Ranges: bytes\r\n{extra}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
        await stream.WriteAsync(body.AsMemory(0, Math.Min(body.Length, sendOnly ?? body.Length)));
        await stream.FlushAsync();
    }
}
