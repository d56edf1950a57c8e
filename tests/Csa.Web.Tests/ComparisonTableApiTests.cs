using System.Net;
using System.Text.Json;

namespace Csa.Web.Tests;

/// <summary>The atlas ranks an analyst's comparison table (SYNTHETIC figures, as iQuanta exports them) as the CLI does.</summary>
[Collection(AtlasStoreGroup.Name)]
public sealed class ComparisonTableApiTests(AtlasStoreFixture fixture)
{
    [Fact]
    public async Task AComparisonTable_IsRankedOnItsOwnFigures_AndABadOneIsA400()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient();
        const string Query = "/api/msg?area=Huntingdonshire&period=2019-07..2019-09&category=All%20crime&table=";

        var ranked = await client.GetAsync(Query + "E07000011:1500:180000,E07000008:2400:125000,E07000010:1900:102000");
        var bad = await client.GetAsync(Query + "E07000011:many:180000,E07000008:2400:125000");
        var both = await client.GetAsync(Query + "E07000011:1500:180000,E07000008:2400:125000&nearest=3");

        Assert.Equal(HttpStatusCode.OK, ranked.StatusCode);
        using var json = JsonDocument.Parse(await ranked.Content.ReadAsStringAsync());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(3, rows.Length);
        var area = rows.Single(r => r[1].GetString() == "E07000011");
        Assert.Equal(3, area[0].GetInt64());
        Assert.Equal(1_500, area[3].GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("CODE:COUNT:POPULATION", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
    }
}
