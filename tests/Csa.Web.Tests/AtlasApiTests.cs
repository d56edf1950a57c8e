using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Csa.Web.Tests;

[Collection(AtlasStoreGroup.Name)]
public sealed partial class AtlasApiTests(AtlasStoreFixture fixture)
{
    static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    internal static async Task<HttpResponseMessage> LogInAsync(HttpClient client, string password, string name = AtlasStoreFixture.User)
    {
        var token = await FormTokenAsync(client, "/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Field] = token.Value,
            ["name"] = name,
            ["password"] = password,
        }));
    }

    /// <summary>The anti-forgery field and token of the form at <paramref name="path"/>.</summary>
    internal static async Task<(string Field, string Value)> FormTokenAsync(HttpClient client, string path)
    {
        var token = Token().Match(await client.GetStringAsync(path));
        Assert.True(token.Success, $"the form at {path} carries an anti-forgery token");
        return (token.Groups[1].Value, token.Groups[2].Value);
    }

    /// <summary>A client of the restricted atlas, logged in as the fixture's analyst (or as <paramref name="name"/>).</summary>
    internal static async Task<HttpClient> LoggedInAsync(WebApplicationFactory<Program> atlas, string name = AtlasStoreFixture.User, string password = AtlasStoreFixture.Password)
    {
        var client = atlas.CreateClient(NoRedirects);
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(client, password, name)).StatusCode);
        return client;
    }

    [Theory]
    [InlineData(true, "/")]
    [InlineData(true, "/api/config")]
    [InlineData(false, "/login")]
    [InlineData(false, "/api/config")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(bool isPublic, string url)
    {
        using var atlas = fixture.Atlas(isPublic, ("Atlas:TileUrl", "https://{s}.tile.example.org/{z}/{x}/{y}.png"));
        using var client = atlas.CreateClient(NoRedirects);

        var response = await client.GetAsync(url);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: https://*.tile.example.org;", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Restricted_OpenApiDocument_NeedsALogin_AndApiPathsInAnyCaseAnswer401()
    {
        using var atlas = fixture.Atlas(isPublic: false);
        using var client = atlas.CreateClient(NoRedirects);

        var openApi = await client.GetAsync("/openapi/v1.json");
        var upper = await client.GetAsync("/API/areas?q=Huntingdonshire");
        var mixed = await client.GetAsync("/Api/Config");

        Assert.Equal(HttpStatusCode.Redirect, openApi.StatusCode);
        Assert.Contains("/login", openApi.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, upper.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, mixed.StatusCode);
    }

    [Fact]
    public async Task Restricted_AnonymousApiRequest_IsRefused()
    {
        using var atlas = fixture.Atlas(isPublic: false);
        using var client = atlas.CreateClient(NoRedirects);

        var response = await client.GetAsync("/api/areas?q=Huntingdonshire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Restricted_AfterLogin_AnswersWithFullCounts()
    {
        using var atlas = fixture.Atlas(isPublic: false);
        using var client = atlas.CreateClient(NoRedirects);

        var login = await LogInAsync(client, AtlasStoreFixture.Password);
        var areas = await client.GetStringAsync("/api/areas?q=Huntingdonshire");
        var wards = JsonDocument.Parse(await client.GetStringAsync("/api/wards?area=Huntingdonshire&period=2019-07..2019-09&category=Bicycle%20theft"));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("\"code\":\"E07000011\"", areas, StringComparison.Ordinal);
        Assert.False(wards.RootElement.GetProperty("suppressed").GetBoolean());
        var counts = wards.RootElement.GetProperty("places").EnumerateArray().Select(w => w.GetProperty("crimes").GetInt64()).ToArray();
        Assert.Equal(26, counts.Length);
        Assert.Equal(70, counts.Sum());
        Assert.Contains(counts, c => c is >= 1 and <= 4);
    }

    [Fact]
    public async Task Restricted_RepeatedWrongPasswords_LockTheAccount()
    {
        using var atlas = fixture.Atlas(isPublic: false);
        using var client = atlas.CreateClient(NoRedirects);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(client, "not the password at all")).StatusCode);
        }

        var locked = await LogInAsync(client, AtlasStoreFixture.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("is locked after 5 failed logins", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restricted_LoginWithoutTheAntiforgeryToken_IsRefused()
    {
        using var atlas = fixture.Atlas(isPublic: false);
        using var client = atlas.CreateClient(NoRedirects);

        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = AtlasStoreFixture.User, ["password"] = AtlasStoreFixture.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("All%20crime")]
    [InlineData("Bicycle%20theft")]
    [InlineData("Robbery")]
    [InlineData("Possession%20of%20weapons")]
    public async Task Public_StreetCounts_AreShownAsPublished_AndSaysSo(string category)
    {
        // data.police.uk publishes every street record itself: the public atlas shows street counts as the restricted one does.
        using var open = fixture.Atlas(isPublic: true);
        using var restricted = fixture.Atlas(isPublic: false);
        using var client = open.CreateClient(NoRedirects);
        var url = $"/api/wards?area=Huntingdonshire&period=2019-07..2019-09&category={category}";

        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        using var analyst = await LoggedInAsync(restricted);
        using var full = JsonDocument.Parse(await analyst.GetStringAsync(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = json.RootElement.GetProperty("places").EnumerateArray().Select(w => w.GetProperty("crimes").GetInt64()).ToArray();
        Assert.Equal(full.RootElement.GetProperty("places").EnumerateArray().Select(w => w.GetProperty("crimes").GetInt64()), counts);
        Assert.False(json.RootElement.GetProperty("suppressed").GetBoolean());
        Assert.Contains("show them as published, without suppression", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/wards?area=Atlantis&period=2019-07", "No area has the code or name 'Atlantis'.")]
    [InlineData("/api/wards?area=Huntingdonshire&period=2019-09..2019-07", "ends before it starts")]
    [InlineData("/api/wards?area=Huntingdonshire&period=July", "is not a period")]
    [InlineData("/api/wards?area=Huntingdonshire&period=2019-07&category=Violent%20crime", "is not a category")]
    [InlineData("/api/wards?area=Abbey&period=2019-07", "names 16 areas: give the code.")]
    public async Task Public_BadParameters_AreA400SayingWhy(string url, string reason)
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(NoRedirects);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
