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

    /// <summary>East Suffolk lies in two partnerships (Suffolk Coastal and Waveney) in the 2019 lookup. Its indicators are
    /// counted once, as a hand computation from the three published files gives them, and each partnership counts the
    /// whole district (never the district twice).</summary>
    [Fact]
    public async Task Indicators_DistrictInTwoPartnerships_CountEveryLsoaOnce_AsAHandComputationGives()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await DuckDbStore.OpenAsync(scratch.File("fan-out.duckdb"), TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await store.ImportGeographyAsync(lookup, source);
        }

        var populationFile = Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv");
        var deprivationFile = Path.Combine(TestPaths.Sample, "deprivation", "imd2019-rank-lsoa11.csv");
        var (year, populations, populationSource) = await PopulationReader.ReadAsync(populationFile, null);
        await store.ImportPopulationAsync(year, populations, populationSource);
        var (ranks, deprivationSource) = await DeprivationReader.ReadAsync(deprivationFile);
        await store.ImportDeprivationAsync(ranks, deprivationSource);

        // By hand, straight from the CSV files: East Suffolk's 2011 LSOAs, their mid-2015 people and IMD 2019 ranks.
        var lsoas = File.ReadLines(TestPaths.LsoaWardDistrict).Skip(1).Select(IndependentCount.SplitCsv).Where(f => f[5] == "E07000244").Select(f => f[1]).ToHashSet();
        var people = File.ReadLines(populationFile).Skip(1).Select(IndependentCount.SplitCsv).Where(f => lsoas.Contains(f[0])).Sum(f => double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
        var meanRank = File.ReadLines(deprivationFile).Skip(1).Select(IndependentCount.SplitCsv).Where(f => lsoas.Contains(f[0])).Average(f => double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(lsoas.Count > 100);

        var districts = await store.GetAreaIndicatorsAsync(Core.Geography.AreaLevel.District, 2015);
        var partnerships = await store.GetAreaIndicatorsAsync(Core.Geography.AreaLevel.Partnership, 2015);

        var eastSuffolk = Assert.Single(districts, d => d.Area.Code == "E07000244");
        Assert.Equal(people, eastSuffolk.Population);
        Assert.Equal(meanRank, eastSuffolk.MeanDeprivationRank, 9);
        Assert.Equal(districts.Count, districts.Select(d => d.Area.Code).Distinct().Count());
        foreach (var code in new[] { "E22000274", "E22000278" })
        {
            var partnership = Assert.Single(partnerships, p => p.Area.Code == code);
            Assert.Equal(people, partnership.Population);
            Assert.Equal(meanRank, partnership.MeanDeprivationRank, 9);
        }

        // The proposed group holds each district once, and East Suffolk's nearest neighbour is not itself again.
        var area = await new AreaResolver(store).ResolveAsync("E07000244");
        var (group, _) = await new NearestNeighbours(store).ProposeAsync(area, 5, 2015);
        Assert.Equal(5, group.Select(g => g.Area.Area.Code).Distinct().Count());
        Assert.Equal(people, group[0].Area.Population);
    }
}
