using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Csa.Reporting.Assessment;

/// <summary>Prints HTML pages to PDF with Debian's headless Chromium, driven through its DevTools protocol (a WebSocket on
/// loopback): page numbers in the footer, the document's headings as the PDF's outline, a tagged PDF. The command-line
/// <c>--print-to-pdf</c> can do none of these.</summary>
/// <remarks>One browser per printer, with a fresh profile folder removed at the end; every step has a time limit, so a
/// browser that hangs is an error, never a hung csa.</remarks>
public sealed class ChromiumPrinter : IAsyncDisposable
{
    static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(2);

    readonly Process _process;
    readonly string _profile;
    readonly ClientWebSocket _socket;
    int _nextId;

    ChromiumPrinter(Process process, string profile, ClientWebSocket socket) => (_process, _profile, _socket) = (process, profile, socket);

    /// <summary>Where Debian's Chromium is, or null.</summary>
    public static string? FindChromium() => ChromiumPaths.FirstOrDefault(File.Exists);

    /// <summary>Starts a headless browser.</summary>
    /// <exception cref="IOException">Chromium is not installed or does not start.</exception>
    public static async Task<ChromiumPrinter> StartAsync(CancellationToken cancellationToken = default)
    {
        var chromium = FindChromium()
            ?? throw new IOException("--pdf needs Debian's Chromium (apt-get install chromium), which is not installed: nothing was written; run again without --pdf, or install Chromium.");
        var profile = Core.Files.ProcessScratch.NewFolder("chromium");
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-extensions", $"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new IOException($"Could not start {chromium}.");
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            var endpoint = await ReadEndpointAsync(process, cancellationToken).ConfigureAwait(false);
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var timeout = Limit(cancellationToken);
            await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
            return new ChromiumPrinter(process, profile, socket);
        }
        catch
        {
            Stop(process);
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    /// <summary>Prints a local HTML file to PDF bytes: A4 as the page's CSS says, backgrounds, "Page N of M" centred in the footer,
    /// the headings as the outline, and <paramref name="header"/> (DRAFT) at the head of every page when given.</summary>
    public async Task<byte[]> PrintAsync(string htmlPath, string? header = null, CancellationToken cancellationToken = default)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken).ConfigureAwait(false);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = (string)target["targetId"]!, ["flatten"] = true }, null, cancellationToken).ConfigureAwait(false);
        var session = (string)attached["sessionId"]!;
        await SendAsync("Page.enable", [], session, cancellationToken).ConfigureAwait(false);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri }, session, cancellationToken, waitForEvent: "Page.loadEventFired").ConfigureAwait(false);
        var printed = await SendAsync(
            "Page.printToPDF",
            new JsonObject
            {
                ["displayHeaderFooter"] = true,
                ["headerTemplate"] = header is null
                    ? "<span></span>"
                    : $"<div style=\"width:100%;text-align:center;font-size:9pt;font-weight:bold;color:#D55E00;font-family:'DejaVu Sans',sans-serif\">{System.Net.WebUtility.HtmlEncode(header)}</div>",
                ["footerTemplate"] = "<div style=\"width:100%;text-align:center;font-size:8pt;color:#444;font-family:'DejaVu Sans',sans-serif\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
                ["printBackground"] = true,
                ["preferCSSPageSize"] = true,
                ["generateDocumentOutline"] = true,
                ["generateTaggedPDF"] = true,
            },
            session,
            cancellationToken).ConfigureAwait(false);
        await SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = (string)target["targetId"]! }, null, cancellationToken).ConfigureAwait(false);
        return Convert.FromBase64String((string)printed["data"]!);
    }

    /// <summary>Sends one DevTools command and returns its result; with <paramref name="waitForEvent"/>, also waits for that event
    /// of the session.</summary>
    async Task<JsonNode> SendAsync(string method, JsonObject parameters, string? session, CancellationToken cancellationToken, string? waitForEvent = null)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        using var timeout = Limit(cancellationToken);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
        JsonNode? result = null;
        var eventSeen = waitForEvent is null;
        while (result is null || !eventSeen)
        {
            var reply = await ReceiveAsync(timeout.Token).ConfigureAwait(false);
            if (reply["id"] is { } replyId && (int)replyId == id)
            {
                if (reply["error"] is { } error)
                {
                    throw new IOException($"Chromium could not {method}: {error["message"]}");
                }

                result = reply["result"] ?? new JsonObject();
            }
            else if (reply["method"] is { } name && (string)name! == waitForEvent && (string?)reply["sessionId"] == session)
            {
                eventSeen = true;
            }
        }

        return result;
    }

    async Task<JsonNode> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new IOException("Chromium closed its DevTools connection while printing.");
            }

            buffer.Write(chunk, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return JsonNode.Parse(buffer.ToArray()) ?? new JsonObject();
    }

    /// <summary>Reads Chromium's "DevTools listening on ws://…" line.</summary>
    static async Task<Uri> ReadEndpointAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = Limit(cancellationToken);
        var seen = new StringBuilder();
        while (await process.StandardError.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
        {
            const string Marker = "DevTools listening on ";
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                // The rest of stderr is drained so that the browser never blocks on a full pipe.
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return new Uri(line[(at + Marker.Length)..].Trim());
            }

            seen.AppendLine(line);
        }

        throw new IOException($"Chromium did not start its DevTools endpoint: {seen.ToString().Trim()}");
    }

    static CancellationTokenSource Limit(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(StepLimit);
        return source;
    }

    static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    /// <summary>Closes the browser and removes its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.SendAsync(Encoding.UTF8.GetBytes(new JsonObject { ["id"] = ++_nextId, ["method"] = "Browser.close" }.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // Stopped below.
        }
        finally
        {
            _socket.Dispose();
            Stop(_process);
            if (Directory.Exists(_profile))
            {
                Directory.Delete(_profile, recursive: true);
            }
        }
    }
}
