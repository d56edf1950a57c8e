using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Csa.Web.Tests;

[Collection(AtlasStoreGroup.Name)]
public sealed class AtlasMapApiTests(AtlasStoreFixture fixture)
{
    static readonly WebApplicationFactoryClientOptions Options = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task Boundaries_AreTheAreasWardsAsGeoJson()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        var response = await client.GetAsync("/api/boundaries?area=Huntingdonshire");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(26, features.Length);
        Assert.All(features, f => Assert.StartsWith("E05", f.GetProperty("properties").GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("name").GetString() == "Great Paxton");
    }

    [Fact]
    public async Task Series_Restricted_GivesEveryMonth_Public_HidesSmallCounts()
    {
        using var restricted = fixture.Atlas(isPublic: false);
        using var open = fixture.Atlas(isPublic: true);
        using var anonymous = restricted.CreateClient(Options);
        using var publicClient = open.CreateClient(Options);

        var refused = await anonymous.GetAsync("/api/series?area=Huntingdonshire");
        using var all = JsonDocument.Parse(await publicClient.GetStringAsync("/api/series?area=Huntingdonshire"));
        using var ward = JsonDocument.Parse(await publicClient.GetStringAsync("/api/series?area=E05011261&category=Robbery"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal([897L, 788L, 768L], all.RootElement.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("crimes").GetInt64()));
        Assert.DoesNotContain(
            ward.RootElement.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("crimes")),
            c => c.ValueKind == JsonValueKind.Number && c.GetInt64() is >= 1 and <= 4);
    }
}
