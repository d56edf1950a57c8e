using Csa.Analysis.Rates;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Ingest.Population;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Analysis.Tests.Rates;

/// <summary>Proposing a group from the bundled real population and deprivation files, and ranking in it on real street data.</summary>
public class NearestNeighboursTests
{
    [Fact]
    public async Task Nearest_ProposesTheAreaAndItsNearestAndRanksOnlyMembersWithData()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await DuckDbStore.OpenAsync(scratch.File("nearest.duckdb"), TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await store.ImportGeographyAsync(lookup, source);
        }

        var (year, populations, populationSource) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"), null);
        await store.ImportPopulationAsync(year, populations, populationSource);
        var (ranks, deprivationSource) = await DeprivationReader.ReadAsync(Path.Combine(TestPaths.Sample, "deprivation", "imd2019-rank-lsoa11.csv"));
        await store.ImportDeprivationAsync(ranks, deprivationSource);
        await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);
        var area = await new AreaResolver(store).ResolveAsync("E22000016");

        var (group, method) = await new NearestNeighbours(store).ProposeAsync(area, 15, 2015);
        var table = await new MostSimilarGroup(store).BuildNearestAsync(area, 15, CategoryTrees.Load("police-uk"), "All crime", Period.Parse("2019-07..2019-09"), true, 2015);

        Assert.Equal(15, group.Count);
        Assert.Equal("E22000016", group[0].Area.Area.Code);
        Assert.Equal(0, group[0].Distance);
        Assert.True(group.Zip(group.Skip(1)).All(p => p.First.Distance <= p.Second.Distance));
        Assert.Contains("nearest on log population (mid-2015) and mean IMD 2019 rank", method, StringComparison.Ordinal);
        Assert.Equal(15, table.Rows.Count);
        var ranked = table.Rows.Where(r => r[0] is not null).ToArray();
        Assert.All(ranked, r => Assert.NotNull(r[3]));
        Assert.All(table.Rows.Where(r => r[0] is null), r => Assert.StartsWith("missing: ", (string)r[8]!, StringComparison.Ordinal));
        Assert.Contains(table.Rows, r => Equals(r[8], "this area"));
    }
}
