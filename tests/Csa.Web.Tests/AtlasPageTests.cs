using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Csa.Web.Tests;

[Collection(AtlasStoreGroup.Name)]
public sealed class AtlasPageTests(AtlasStoreFixture fixture)
{
    [Fact]
    public async Task Page_IsServedWithLeafletFromTheAppItself_AndNoExternalReference()
    {
        using var atlas = fixture.Atlas(isPublic: false);
        using var client = atlas.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetStringAsync("/");
        var leaflet = await client.GetAsync("/lib/leaflet/leaflet.js");
        var script = await client.GetStringAsync("/atlas.js");

        Assert.Contains("<div id=\"map\"", page, StringComparison.Ordinal);
        Assert.Contains("src=\"lib/leaflet/leaflet.js\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, leaflet.StatusCode);
        Assert.True((await leaflet.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
