using System.Text.Json;

namespace Csa.Web.Tests.Browser;

/// <summary>End-to-end: the atlas page in Debian's chromium over the real sample.</summary>
[Collection(AtlasStoreGroup.Name)]
public sealed class AtlasBrowserTests(AtlasStoreFixture fixture)
{
    [Fact]
    public async Task Public_MapDrawsTheWards_AndTheLegendMatchesTheData()
    {
        await using var session = await BrowserSession.StartAsync(fixture.Atlas(isPublic: true));

        await session.OpenAtlasAsync(places: 26);
        await session.ScreenshotAsync("public-wards");

        using var data = await session.ApiAsync("/api/wards?area=Huntingdonshire&period=2019-07..2019-09&category=All%20crime");
        var counts = data.RootElement.GetProperty("places").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("crimes"));
        var legend = await session.EvaluateAsync<LegendRow[]>(
            "JSON.stringify([...document.querySelectorAll('#legend div[data-from]')].map(r => ({ cls: r.dataset.class, from: Number(r.dataset.from), to: Number(r.dataset.to) })))");
        var shapes = await session.EvaluateAsync<ShapeClass[]>(
            "JSON.stringify([...document.querySelectorAll('path[data-code]')].map(p => ({ code: p.dataset.code, cls: p.dataset.class })))");

        // The page works under the Content-Security-Policy: nothing it needs is refused.
        Assert.DoesNotContain(session.Console, c => c.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || c.Contains("Refused to", StringComparison.Ordinal));
        Assert.Equal(5, legend.Length);
        Assert.Equal(counts.Keys.Order(), shapes.Select(s => s.Code).Order());
        foreach (var shape in shapes)
        {
            var count = counts[shape.Code];
            if (count.ValueKind == JsonValueKind.Null)
            {
                Assert.Equal("suppressed", shape.Cls);
                continue;
            }

            var row = legend.Single(r => r.Cls == shape.Cls);
            Assert.InRange(count.GetInt64(), row.From, row.To);
        }

        Assert.Contains("counts from 1 to 4 are not shown", await session.Page.InnerTextAsync("#mode"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_ClickingAWard_ShowsItsChartAndComparison()
    {
        await using var session = await BrowserSession.StartAsync(fixture.Atlas(isPublic: true));
        await session.OpenAtlasAsync(places: 26);
        using var wards = await session.ApiAsync("/api/wards?area=Huntingdonshire&period=2019-09");
        var busiest = wards.RootElement.GetProperty("places").EnumerateArray().MaxBy(p => p.GetProperty("crimes").ValueKind == JsonValueKind.Number ? p.GetProperty("crimes").GetInt64() : 0);
        var ward = busiest.GetProperty("code").GetString()!;

        // The sample holds July to September 2019: September against August can be compared.
        await session.Page.FillAsync("#period", "2019-09");
        await session.Page.ClickAsync("#controls button");
        await session.WaitUntilAsync("document.querySelector('#status').textContent.includes('2019-09:')");
        await session.ClickPlaceAsync(ward);
        await session.Page.WaitForSelectorAsync("#chart svg circle", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        await session.Page.WaitForSelectorAsync("#comparison td[data-field='verdict']");
        await session.ScreenshotAsync("public-ward-clicked");

        using var series = await session.ApiAsync($"/api/series?area={ward}&category=All%20crime");
        var expected = series.RootElement.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("crimes").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var drawn = await session.EvaluateAsync<string[]>("JSON.stringify([...document.querySelectorAll('#chart circle')].map(c => c.dataset.crimes))");
        Assert.Equal(expected, drawn);
        Assert.Contains(busiest.GetProperty("name").GetString()!, await session.Page.InnerTextAsync("#ward-title"), StringComparison.Ordinal);
        Assert.Contains("2019-09 against 2019-08", await session.Page.InnerTextAsync("#comparison caption"), StringComparison.Ordinal);
        using var comparison = await session.ApiAsync($"/api/compare?area={ward}&current=2019-09");
        Assert.Contains(comparison.RootElement.GetProperty("verdict").GetString()!, await session.Page.InnerTextAsync("#comparison td[data-field='verdict']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_EveryExtractAnswerThePageReceives_HoldsNoCountFromOneToFour_AndNothingLeavesTheApp()
    {
        await using var session = await BrowserSession.StartAsync(fixture.Atlas(isPublic: true));
        await session.OpenAtlasAsync(places: 26);

        await session.Page.SelectOptionAsync("#category", "Robbery");
        await session.Page.ClickAsync("#controls button");
        await session.WaitUntilAsync("document.querySelector('#legend-title').textContent.startsWith('Robbery')");
        await session.ClickPlaceAsync("E05011261");
        await session.Page.WaitForSelectorAsync("#chart svg");
        await session.Page.SelectOptionAsync("#marker", "domestic-abuse");
        await session.WaitUntilAsync("document.querySelector('#district-title') && document.querySelectorAll('#pyramid svg').length === 2");
        await session.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        var found = new List<string>();
        lock (session.ApiAnswers)
        {
            Assert.True(session.ApiAnswers.Count >= 8, $"{session.ApiAnswers.Count} answers");
            // Street counts are data.police.uk's own records, shown as published; extract figures are protected.
            foreach (var (url, body) in session.ApiAnswers.Where(a => a.Url.Contains("/api/pyramid", StringComparison.Ordinal) || a.Url.Contains("/api/markers", StringComparison.Ordinal)))
            {
                using var json = JsonDocument.Parse(body);
                found.AddRange(SmallCounts(json.RootElement).Select(c => $"{url}: {c}"));
            }

            Assert.Contains(session.ApiAnswers, a => a.Url.Contains("/api/pyramid", StringComparison.Ordinal));
        }

        Assert.Empty(found);
        Assert.All(session.Requests, url => Assert.StartsWith(session.BaseUrl, url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Public_HotspotLayer_And_LsoaRates()
    {
        await using var session = await BrowserSession.StartAsync(fixture.Atlas(isPublic: true));
        await session.OpenAtlasAsync(places: 26);

        await session.Page.SelectOptionAsync("#level", "lsoa");
        await session.Page.SelectOptionAsync("#indicator", "rate");
        await session.Page.CheckAsync("#hotspots");
        await session.Page.ClickAsync("#controls button");
        await session.WaitForShapesAsync(105);
        await session.Page.WaitForSelectorAsync("#hotspot-legend");
        var hotspots = await HotspotCountAsync(session);
        await session.ScreenshotAsync("public-lsoa-rates-hotspots");

        Assert.Contains("per 1,000 residents (mid-2015 estimate)", await session.Page.InnerTextAsync("#legend-title"), StringComparison.Ordinal);
        Assert.Equal(hotspots, await session.Page.Locator("path[data-hotspot]").CountAsync());
        Assert.True(await session.Page.Locator("path[data-hotspot='hot99']").CountAsync() > 0);
        Assert.Contains("not adjusted for multiple testing", await session.Page.InnerTextAsync("#legend"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_WardView_WithholdsTheProfileAndMarkers_TheDistrictShowsThem()
    {
        await using var session = await BrowserSession.StartAsync(fixture.Atlas(isPublic: true));
        await session.OpenAtlasAsync(places: 26);
        await session.Page.WaitForSelectorAsync("#markers tr[data-marker='domestic-abuse']");
        var districtDomestic = await session.Page.InnerTextAsync("#markers tr[data-marker='domestic-abuse'] td");

        await session.Page.FillAsync("#area", "E05011261");
        await session.Page.ClickAsync("#controls button");
        await session.WaitForShapesAsync(1);
        await session.WaitUntilAsync("document.querySelector('#pyramid-notes').textContent.includes('districts and larger areas only')");
        await session.WaitUntilAsync("document.querySelector('#markers caption')?.textContent.includes('districts and larger areas only')");
        await session.ScreenshotAsync("public-ward-view");

        Assert.Matches("^([0-9,]+|not shown)$", districtDomestic);
        Assert.Equal(0, await session.Page.Locator("#pyramid svg").CountAsync());
        Assert.Equal(0, await session.Page.Locator("#markers tr[data-marker]").CountAsync());
    }

    /// <summary>The counts from 1 to 4 in an extract answer's count fields.</summary>
    static IEnumerable<string> SmallCounts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name is "crimes" or "female" or "male" or "unknownSex" && p.Value.ValueKind == JsonValueKind.Number && p.Value.GetInt64() is >= 1 and <= 4
                ? [$"{p.Name} = {p.Value}"]
                : SmallCounts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(SmallCounts),
        _ => [],
    };

    static async Task<int> HotspotCountAsync(BrowserSession session)
    {
        using var gi = await session.ApiAsync("/api/hotspots?area=Huntingdonshire&period=2019-07..2019-09&category=All%20crime");
        return gi.RootElement.GetProperty("lsoas").EnumerateArray().Count(l => l.GetProperty("class").GetString() != "none");
    }

    [Fact]
    public async Task Restricted_AnonymousVisitor_IsSentToLogIn_AndSeesTheMapAfterwards()
    {
        await using var session = await BrowserSession.StartAsync(fixture.Atlas(isPublic: false));

        await session.Page.GotoAsync(session.BaseUrl + "/");
        try
        {
            // Waits for the load, not the commit: when the page is at /login before the wait begins (the atlas answers its
            // first request in milliseconds now), a wait for a commit that has already happened never ends.
            await session.Page.WaitForURLAsync("**/login", new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Load });
            await session.Page.WaitForSelectorAsync("input[name=name]");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Not sent to /login: the page is at {session.Page.Url}; requests: {string.Join(" | ", session.Requests)}; console: {string.Join(" | ", session.Console)}", e);
        }

        var refused = await session.Page.Context.APIRequest.GetAsync(session.BaseUrl + "/api/wards?area=Huntingdonshire&period=2019-07");
        await session.Page.FillAsync("input[name=name]", AtlasStoreFixture.User);
        await session.Page.FillAsync("input[name=password]", AtlasStoreFixture.Password);
        await session.Page.ClickAsync("button[type=submit]");
        await session.WaitForShapesAsync(26);
        await session.ScreenshotAsync("restricted-after-login");

        Assert.Equal(401, refused.Status);
        Assert.Contains("Restricted atlas", await session.Page.InnerTextAsync("#mode"), StringComparison.Ordinal);
        Assert.DoesNotContain("suppressed", await session.Page.EvalOnSelectorAllAsync<string[]>("path[data-code]", "ps => ps.map(p => p.dataset.class)"));
    }

    sealed record LegendRow(string Cls, double From, double To);

    sealed record ShapeClass(string Code, string Cls);
}
