using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Csa.Web.Tests.Browser;

/// <summary>The atlas on a real loopback port (Kestrel) and a page in Debian's headless chromium driven by Playwright,
/// recording every request the page makes and every /api answer it receives.</summary>
sealed class BrowserSession : IAsyncDisposable
{
    const string Chromium = "/usr/bin/chromium";

    readonly WebApplicationFactory<Program> _atlas;
    readonly WebApplicationFactory<Program> _listening;
    readonly IPlaywright _playwright;
    readonly IBrowser _browser;

    BrowserSession(WebApplicationFactory<Program> atlas, WebApplicationFactory<Program> listening, string baseUrl, IPlaywright playwright, IBrowser browser, IPage page)
    {
        _atlas = atlas;
        _listening = listening;
        BaseUrl = baseUrl;
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public string BaseUrl { get; }

    public IPage Page { get; }

    /// <summary>Every URL the page asked for.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Every /api answer the page received (URL, JSON body).</summary>
    public List<(string Url, string Body)> ApiAnswers { get; } = [];

    static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<BrowserSession> StartAsync(WebApplicationFactory<Program> atlas)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: .ci/run installs Debian's chromium (apt-get install chromium).");
        // An explicit free loopback port, given to the host as its URL: without it Kestrel listened on its default
        // localhost:5000 whatever port was asked, and a page could reach another server of the same test run there.
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var listening = atlas.WithWebHostBuilder(builder => builder.UseSetting("urls", baseUrl));
        listening.UseKestrel();
        listening.StartServer();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        // Generous waits: the tests check what the page shows, not how fast a loaded 2-core machine shows it
        // (other test assemblies run beside these, and a login hashes 600,000 PBKDF2 rounds).
        page.SetDefaultTimeout(180_000);
        page.SetDefaultNavigationTimeout(180_000);
        var session = new BrowserSession(atlas, listening, baseUrl, playwright, browser, page);
        page.Console += (_, message) => session.Console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => session.Console.Add($"error: {error}");
        page.Request += (_, request) =>
        {
            lock (session.Requests)
            {
                session.Requests.Add(request.Url);
            }
        };
        page.Response += async (_, response) =>
        {
            if (response.Url.Contains("/api/", StringComparison.Ordinal) && response.Headers.TryGetValue("content-type", out var type) && type.Contains("json", StringComparison.Ordinal))
            {
                try
                {
                    var body = await response.TextAsync();
                    lock (session.ApiAnswers)
                    {
                        session.ApiAnswers.Add((response.Url, body));
                    }
                }
                catch (PlaywrightException)
                {
                    // The page closed while the body was still being read: the test is over.
                }
            }
        };
        return session;
    }

    /// <summary>Opens the atlas page and waits until the map has drawn <paramref name="places"/> shapes.</summary>
    public async Task OpenAtlasAsync(int places)
    {
        await Page.GotoAsync(BaseUrl + "/");
        await WaitForShapesAsync(places);
    }

    /// <summary>Waits until a JavaScript condition holds on the page. It is polled through the DevTools protocol
    /// (Page.EvaluateAsync), because Playwright's own WaitForFunction evaluates strings with eval, which the atlas's
    /// Content-Security-Policy rightly refuses.</summary>
    public async Task WaitUntilAsync(string condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await Page.EvaluateAsync<bool>($"() => Boolean({condition})"))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"The page never met {condition}. Page {Page.Url}; console: {string.Join(" | ", Console)}");
            }

            await Task.Delay(100);
        }
    }

    public async Task WaitForShapesAsync(int places)
    {
        try
        {
            await WaitUntilAsync($"document.querySelectorAll('path[data-code]').length === {places}");
        }
        catch (TimeoutException)
        {
            var drawn = await Page.EvaluateAsync<int>("document.querySelectorAll('path[data-code]').length");
            throw new TimeoutException($"{drawn} shapes drawn, not {places}. Page {Page.Url} says: {await Page.ContentAsync()}\nConsole: {string.Join(" | ", Console)}");
        }
    }

    /// <summary>What the page wrote to its console.</summary>
    public List<string> Console { get; } = [];

    /// <summary>Clicks a ward or LSOA with the mouse, at a point where it is the shape on top (its centre may lie in another).</summary>
    public async Task ClickPlaceAsync(string code)
    {
        var point = await EvaluateAsync<double[]>($$"""
            (() => {
              const path = document.querySelector("path[data-code='{{code}}']");
              const box = path.getBoundingClientRect();
              for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
                const x = box.left + box.width * i / 20, y = box.top + box.height * j / 20;
                if (document.elementFromPoint(x, y) === path) return JSON.stringify([x, y]);
              }
              return JSON.stringify([]);
            })()
            """);
        Assert.True(point.Length == 2, $"no visible point of {code} to click");
        await Page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    /// <summary>The value of a script that returns JSON, read as <typeparamref name="T"/>.</summary>
    public async Task<T> EvaluateAsync<T>(string jsonScript) =>
        JsonSerializer.Deserialize<T>(await Page.EvaluateAsync<string>(jsonScript), JsonOptions)!;

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>An answer of the app's API, fetched with the page's cookies.</summary>
    public async Task<JsonDocument> ApiAsync(string pathAndQuery)
    {
        var response = await Page.Context.APIRequest.GetAsync(BaseUrl + pathAndQuery);
        Assert.True(response.Ok, $"{pathAndQuery}: {response.Status}");
        return JsonDocument.Parse(await response.TextAsync());
    }

    /// <summary>Saves a screenshot when CSA_SCREENSHOTS names a folder (for looking at the page by eye).</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("CSA_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _listening.DisposeAsync();
        await _atlas.DisposeAsync();
    }
}
