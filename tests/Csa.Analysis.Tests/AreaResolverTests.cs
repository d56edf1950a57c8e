using Csa.Core;
using Csa.Core.Geography;

namespace Csa.Analysis.Tests;

[Collection(SampleStoreGroup.Name)]
public class AreaResolverTests(SampleStoreFixture fixture)
{
    [Theory]
    [InlineData("Huntingdonshire", "E07000011", AreaLevel.District)]
    [InlineData("huntingdonshire", "E07000011", AreaLevel.District)]
    [InlineData("E07000011", "E07000011", AreaLevel.District)]
    [InlineData("e07000011", "E07000011", AreaLevel.District)]
    [InlineData("E22000016", "E22000016", AreaLevel.Partnership)]
    [InlineData("Northumbria", "E23000007", AreaLevel.ForceArea)]
    [InlineData("Great Paxton", "E05011261", AreaLevel.Ward)]
    public async Task ResolveAsync_CodeOrName_FindsTheArea(string query, string code, AreaLevel level)
    {
        var area = await new AreaResolver(fixture.Store).ResolveAsync(query);

        Assert.Equal(code, area.Code);
        Assert.Equal(level, area.Level);
    }

    [Fact]
    public async Task ResolveAsync_AmbiguousWardName_ListsTheCandidatesWithCodes()
    {
        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new AreaResolver(fixture.Store).ResolveAsync("Abbey"));

        Assert.StartsWith("'Abbey' names 16 areas; give the code of the one you mean:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Abbey (ward E05000026 in Barking and Dagenham)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_Unknown_SaysSo()
    {
        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new AreaResolver(fixture.Store).ResolveAsync("Huntingdonshir"));

        Assert.Equal("No area has the code or name 'Huntingdonshir'. Check the spelling, or give the ONS code (E07000011).", error.Message);
    }
}
