using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Csa.Web.Tests;

/// <summary>Rates, comparisons, most-similar-group ranks, hot spots, pyramids, markers and the OpenAPI document,
/// through the real app over the real sample (the extract is SYNTHETIC).</summary>
[Collection(AtlasStoreGroup.Name)]
public sealed class AtlasStatisticsApiTests(AtlasStoreFixture fixture)
{
    static readonly WebApplicationFactoryClientOptions Options = new() { AllowAutoRedirect = false };
    static readonly string[] HotspotClasses = ["hot99", "hot95", "hot90", "none", "cold90", "cold95", "cold99"];

    static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    [Fact]
    public async Task Compare_GivesTheChangeAndTheExactTest()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        using var json = await GetJsonAsync(client, "/api/compare?area=Huntingdonshire&current=2019-09");
        var root = json.RootElement;

        Assert.Equal("2019-08", root.GetProperty("previous").GetString());
        Assert.Equal(768, root.GetProperty("currentCrimes").GetInt64());
        Assert.Equal(788, root.GetProperty("previousCrimes").GetInt64());
        Assert.Equal(-20, root.GetProperty("change").GetInt64());
        Assert.Equal(-2.5, root.GetProperty("percentChange").GetDouble());
        Assert.Equal("- 2.5%", root.GetProperty("apparentChange").GetString());
        // Two-sided exact binomial test of 768 of 1,556 at 1/2, computed outside csa (log-gamma sums): 0.630055.
        Assert.Equal(0.630055, root.GetProperty("pValue").GetDouble(), 6);
        Assert.Equal("no significant change", root.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("/api/compare?area=Huntingdonshire&current=2019-08&previous=2019-08..2019-09", "must end before the current period")]
    [InlineData("/api/compare?area=Huntingdonshire&current=2019-07", "Not held: no month of 2019-06 (the earlier period) is held in the data.police.uk street data for Huntingdonshire (district E07000011).")]
    [InlineData("/api/compare?area=Huntingdonshire", "Give a current")]
    [InlineData("/api/hotspots?area=Fenland&period=2019-07", "csa import boundaries")]
    [InlineData("/api/pyramid?area=Huntingdonshire&period=2019", "for whole financial years wholly inside the extract only")]
    [InlineData("/api/pyramid?area=Huntingdonshire&period=2016&marker=arson", "'arson' is not a marker")]
    [InlineData("/api/msg?area=Huntingdonshire&period=2019-07", "Give one of: the group's area codes")]
    [InlineData("/api/pyramid?area=Huntingdonshire&period=2016-12", "2016-12 is not one. Years that can be asked: 2011/12, 2012/13, 2013/14, 2014/15, 2015/16.")]
    [InlineData("/api/markers?area=Huntingdonshire&period=2016-02..2017-01", "2016-02..2017-01 is not one")]
    [InlineData("/api/wards?area=Huntingdonshire&period=2018", "Not held: no month of 2018-01..2018-12 is held in the data.police.uk street data for Huntingdonshire (district E07000011).")]
    [InlineData("/api/boundaries?area=Huntingdonshire&level=msoa", "is not a map level")]
    [InlineData("/api/wards?area=Huntingdonshire&period=2999-01..2999-12", "Not held")]
    public async Task BadQueries_AreA400SayingWhy(string url, string reason)
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains(reason, StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task Wards_CarryRatesPerThousand_WithThePopulationYearStated()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        using var json = await GetJsonAsync(client, "/api/wards?area=Huntingdonshire&period=2019-07..2019-09");
        var root = json.RootElement;

        Assert.Equal(2022, root.GetProperty("populationYear").GetInt32());
        Assert.Contains("mid-2022 estimate, the nearest held to 2019", root.GetProperty("notes").ToString(), StringComparison.Ordinal);
        foreach (var place in root.GetProperty("places").EnumerateArray().Where(p => p.GetProperty("crimes").ValueKind == JsonValueKind.Number))
        {
            var expected = place.GetProperty("crimes").GetInt64() * 1000 / place.GetProperty("population").GetDouble();
            Assert.Equal(Math.Round(expected, 2), place.GetProperty("rate").GetDouble());
            Assert.True(place.GetProperty("rateLower").GetDouble() <= expected && expected <= place.GetProperty("rateUpper").GetDouble());
        }
    }

    [Fact]
    public async Task Lsoas_AndTheirBoundaries_Are105()
    {
        using var atlas = fixture.Atlas(isPublic: false);
        using var client = atlas.CreateClient(Options);
        await AtlasApiTests.LogInAsync(client, AtlasStoreFixture.Password);

        using var places = await GetJsonAsync(client, "/api/lsoas?area=Huntingdonshire&period=2019-07..2019-09");
        using var shapes = await GetJsonAsync(client, "/api/boundaries?area=Huntingdonshire&level=lsoa");

        Assert.Equal(105, places.RootElement.GetProperty("places").GetArrayLength());
        Assert.Equal(2015, places.RootElement.GetProperty("populationYear").GetInt32());
        Assert.Equal(105, shapes.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Hotspots_ClassifyEveryLsoa_AndStateTheMethod()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        using var plain = await GetJsonAsync(client, "/api/hotspots?area=Huntingdonshire&period=2019-07..2019-09");
        using var json = await GetJsonAsync(client, "/api/hotspots?area=Huntingdonshire&period=2019-07..2019-09&fdr=true");
        var lsoas = json.RootElement.GetProperty("lsoas").EnumerateArray().ToArray();

        Assert.Equal(105, lsoas.Length);
        Assert.All(lsoas, l => Assert.Contains(l.GetProperty("class").GetString(), HotspotClasses));
        Assert.Contains(plain.RootElement.GetProperty("lsoas").EnumerateArray(), l => l.GetProperty("class").GetString() == "hot99");
        Assert.True(json.RootElement.GetProperty("falseDiscoveryRate").GetBoolean());
        var notes = json.RootElement.GetProperty("notes").ToString();
        Assert.Contains("Getis-Ord Gi*", notes, StringComparison.Ordinal);
        Assert.Contains("Benjamini–Hochberg", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msg_RanksTheAreaInTheNamedGroup()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        using var json = await GetJsonAsync(client, "/api/msg?area=Huntingdonshire&period=2019-07..2019-09&group=E07000008,E07000009,E07000010,E07000011,E07000012,E06000031");
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToArray()).ToArray();

        Assert.Equal(6, rows.Length);
        Assert.Equal("this area", rows.Single(r => r[1].GetString() == "E07000011")[8].GetString());
        var byRank = rows.OrderBy(r => r[0].GetInt64()).Select(r => r[5].GetDouble()).ToArray();
        Assert.Equal(byRank.OrderDescending(), byRank);
        Assert.Contains(": ranked ", json.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msg_WithARepeatedCode_CountsTheAreaOnce()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        using var json = await GetJsonAsync(client, "/api/msg?area=Huntingdonshire&period=2019-07..2019-09&group=E07000011,E07000010,e07000011");

        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Single(rows, r => r[8].ValueKind == JsonValueKind.String && r[8].GetString() == "this area");
    }

    [Fact]
    public async Task Pyramid_PublicAtWardLevel_IsRefused_ButShownForTheDistrict()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        var ward = await client.GetAsync("/api/pyramid?area=E05011261&period=FY2015/16");
        using var district = await GetJsonAsync(client, "/api/pyramid?area=Huntingdonshire&period=FY2015/16&marker=domestic-abuse");

        Assert.Equal(HttpStatusCode.BadRequest, ward.StatusCode);
        Assert.Contains("districts and larger areas only", await ward.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var victims = district.RootElement.GetProperty("victims").EnumerateArray().ToArray();
        Assert.Equal(10, victims.Length);
        Assert.True(victims.Sum(b => b.GetProperty("female").ValueKind == JsonValueKind.Number ? b.GetProperty("female").GetInt64() : 0) > 100);
    }

    [Fact]
    public async Task Pyramid_Restricted_IsShownForAWard()
    {
        using var atlas = fixture.Atlas(isPublic: false);
        using var client = atlas.CreateClient(Options);
        await AtlasApiTests.LogInAsync(client, AtlasStoreFixture.Password);

        using var json = await GetJsonAsync(client, "/api/pyramid?area=E05011261&period=2016");

        Assert.False(json.RootElement.GetProperty("suppressed").GetBoolean());
        Assert.True(json.RootElement.GetProperty("offenders").EnumerateArray().Sum(b => b.GetProperty("male").GetInt64()) > 0);
    }

    [Fact]
    public async Task Markers_Public_AreForDistrictsAndWholeFinancialYears_WithSmallCountsHidden()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        var ward = await client.GetAsync("/api/markers?area=E05011261&period=FY2015/16");
        using var district = await GetJsonAsync(client, "/api/markers?area=Huntingdonshire&period=FY2015/16");

        Assert.Equal(HttpStatusCode.BadRequest, ward.StatusCode);
        Assert.Contains("districts and larger areas only", await ward.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var counts = district.RootElement.GetProperty("markers").EnumerateArray().ToDictionary(m => m.GetProperty("marker").GetString()!, m => m.GetProperty("crimes"));
        Assert.True(counts["domestic-abuse"].GetInt64() > 100);
        Assert.DoesNotContain(counts.Values, c => c.ValueKind == JsonValueKind.Number && c.GetInt64() is >= 1 and <= 4);
    }

    [Fact]
    public async Task Markers_Threshold_IsConfigurable()
    {
        using var atlas = fixture.Atlas(isPublic: true, ("Atlas:RestrictedMarkers:0", "hate-crime"), ("Atlas:SuppressUpTo", "9"));
        using var client = atlas.CreateClient(Options);

        using var markers = await GetJsonAsync(client, "/api/markers?area=Huntingdonshire&period=FY2014/15");
        using var config = await GetJsonAsync(client, "/api/config");

        Assert.DoesNotContain(markers.RootElement.GetProperty("markers").EnumerateArray().Select(m => m.GetProperty("crimes")), c => c.ValueKind == JsonValueKind.Number && c.GetInt64() is >= 1 and <= 9);
        Assert.Contains("Counts from 1 to 9 are not shown", markers.RootElement.GetProperty("notes").ToString(), StringComparison.Ordinal);
        Assert.Equal(9, config.RootElement.GetProperty("suppressUpTo").GetInt32());
        Assert.Equal(["hate-crime"], config.RootElement.GetProperty("restrictedMarkers").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiEndpoint()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        using var json = await GetJsonAsync(client, "/openapi/v1.json");
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Equal("csa community safety atlas", json.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.Superset(
            new HashSet<string> { "/api/config", "/api/areas", "/api/wards", "/api/lsoas", "/api/boundaries", "/api/series", "/api/compare", "/api/msg", "/api/hotspots", "/api/pyramid", "/api/markers" },
            paths);
        var compare = json.RootElement.GetProperty("paths").GetProperty("/api/compare").GetProperty("get");
        Assert.Contains("exact Poisson test", compare.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(["area", "current", "previous", "category"], compare.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }
}
