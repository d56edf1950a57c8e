using Csa.Analysis.Comparison;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Tests;

namespace Csa.Analysis.Tests.Comparison;

[Collection(SampleStoreGroup.Name)]
public class CategoryTreeTests(SampleStoreFixture fixture)
{
    [Theory]
    [InlineData("seed", 36)]
    [InlineData("ons", 31)]
    [InlineData("police-uk", 14)]
    public void Load_BuiltInTrees_ResolveEveryRow(string name, int rows)
    {
        var tree = CategoryTrees.Load(name);

        Assert.Equal(rows, tree.Rows.Count);
        Assert.All(tree.Rows, r => Assert.True(r.Codes.Count > 0 || r.PoliceUkTypes.Count > 0, r.Label));
    }

    [Fact]
    public void Load_ACopiedTree_LoadsAndAnEditWithAnUnknownSubgroupNamesTheRow()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var copy = scratch.File("my-tree.json");
        File.WriteAllText(copy, CategoryTrees.BuiltInText("seed"));
        Assert.Equal(36, CategoryTrees.Load(copy).Rows.Count);
        File.WriteAllText(copy, CategoryTrees.BuiltInText("seed").Replace("\"Residential burglary\"", "\"Domestic burglary\"", StringComparison.Ordinal));

        var error = Assert.Throws<CsaQueryException>(() => CategoryTrees.Load(copy));

        Assert.Equal($"{copy}: row 4 ('Burglary Dwelling'): subgroups: 'Domestic burglary' is not an ONS offence subgroup csa knows.", error.Message);
    }

    [Fact]
    public void SeedTree_ViolenceRowsSplitAsTheSeedDid()
    {
        var tree = CategoryTrees.Load("seed");

        Assert.Contains("8L", tree.Find("Violence without injury")!.Codes);
        Assert.DoesNotContain("4.4", tree.Find("Violence with injury")!.Codes);
        Assert.Contains("4.4", tree.Find("All Violence Against The Person")!.Codes);
        Assert.DoesNotContain("AF", tree.Rows[1].Codes);
        Assert.Contains("AF", tree.Rows[0].Codes);
    }

    [Fact]
    public async Task Compare_PoliceUkTreeOnStreetData_EqualsTheSummary()
    {
        var area = await new AreaResolver(fixture.Store).ResolveAsync("Huntingdonshire");

        var table = await new PeriodComparison(fixture.Store).BuildAsync(area, Period.Parse("2019-07"), Period.Parse("2019-08"), CategoryTrees.Load("police-uk"), []);

        Assert.Equal(["All crime", 897L, 788L, -109L, "- 12.2%"], Shown.Cells(table.Rows[0].Take(5)));
        Assert.Equal("significant decrease", table.Rows[0][9]);
        Assert.Contains("Source: data.police.uk street-level data; Open Government Licence v3.0.", table.Notes);
    }

    [Fact]
    public async Task Compare_SeedTreeWithNoExtract_SaysWhatItNeeds()
    {
        var area = await new AreaResolver(fixture.Store).ResolveAsync("Huntingdonshire");

        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new PeriodComparison(fixture.Store).BuildAsync(area, Period.Parse("2019-07"), Period.Parse("2019-08"), CategoryTrees.Load("seed"), []));

        Assert.StartsWith("The tree 'seed' needs a local police extract", error.Message, StringComparison.Ordinal);
    }
}
