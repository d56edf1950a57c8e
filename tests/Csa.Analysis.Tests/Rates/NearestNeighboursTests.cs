using Csa.Analysis.Rates;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Ingest.Population;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Analysis.Tests.Rates;

/// <summary>Proposing a group from the bundled real Census 2021 indicators, against a hand computation, and ranking in it on
/// real street data.</summary>
public class NearestNeighboursTests
{
    static readonly string[] Columns = ["pct_aged_16_24", "pct_hh_one_person", "pct_hh_lone_parent", "pct_16plus_fulltime_students", "imd2019_avg_score", "ruc2011_pct_rural_incl_hub"];

    static async Task<DuckDbStore> StoreAsync(ScratchFolder scratch)
    {
        var store = await DuckDbStore.OpenAsync(scratch.File("nearest.duckdb"), TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await store.ImportGeographyAsync(lookup, source);
        }

        return store;
    }

    [Fact]
    public async Task Nearest_IsTheHandComputationOnTheCensusIndicators_WithItsOnsOverlap()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreAsync(scratch);
        var area = await new AreaResolver(store).ResolveAsync("E07000011");

        var proposed = await new NearestNeighbours(store).ProposeAsync(area, 8);

        // By hand, from the files: the lookup's districts that have every indicator; log density and the six shares; z-scores
        // over those districts (population standard deviation); Euclidean distance from Huntingdonshire.
        var folder = Path.Combine(TestPaths.Sample, "indicators");
        var lines = File.ReadLines(Path.Combine(folder, "lad21-census2021-indicators.csv")).Select(IndependentCount.SplitCsv).ToArray();
        var header = lines[0].ToList();
        var lookupDistricts = File.ReadLines(TestPaths.LsoaWardDistrict).Skip(1).Select(l => IndependentCount.SplitCsv(l)[5]).ToHashSet();
        double? Value(string text) => double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
        var rows = lines.Skip(1).Where(f => lookupDistricts.Contains(f[0]))
            .Select(f => (Code: f[0], Values: new[] { Value(f[header.IndexOf("census2021_usual_residents")]) / Value(f[header.IndexOf("area_sqkm")]) is { } d ? Math.Log10(d) : (double?)null }
                .Concat(Columns.Select(c => Value(f[header.IndexOf(c)]))).ToArray()))
            .Where(r => r.Values.All(v => v is not null))
            .Select(r => (r.Code, Values: r.Values.Select(v => v!.Value).ToArray()))
            .ToArray();
        var means = Enumerable.Range(0, 7).Select(j => rows.Average(r => r.Values[j])).ToArray();
        var sds = Enumerable.Range(0, 7).Select(j => Math.Sqrt(rows.Average(r => Math.Pow(r.Values[j] - means[j], 2)))).ToArray();
        var own = rows.Single(r => r.Code == "E07000011").Values;
        var expected = rows.Select(r => (r.Code, Distance: Math.Sqrt(r.Values.Select((v, j) => Math.Pow((v - own[j]) / sds[j], 2)).Sum())))
            .OrderBy(r => r.Distance).ThenBy(r => r.Code, StringComparer.Ordinal).Take(8).ToArray();
        var ons = File.ReadLines(Path.Combine(folder, "ons-similar-areas-global-neighbours.csv")).Select(l => l.Split(','))
            .Single(f => f[0].Trim('\uFEFF') == "E07000011").Skip(1).Take(7).ToHashSet();

        Assert.Equal(expected.Select(e => e.Code), proposed.Members.Select(m => m.Area.Code));
        Assert.All(expected.Zip(proposed.Members), p => Assert.Equal(p.First.Distance, p.Second.Distance, 9));
        Assert.Equal(expected.Skip(1).Select(e => e.Code).Where(ons.Contains).Order(StringComparer.Ordinal), proposed.OnsNeighbours.Order(StringComparer.Ordinal));
        Assert.Contains($"{proposed.OnsNeighbours.Count} of the 7 proposed {(proposed.OnsNeighbours.Count == 1 ? "is" : "are")} among them", proposed.Method, StringComparison.Ordinal);
        Assert.Contains(proposed.LeftOut, l => l.Area.Code.StartsWith('W') && l.Why.Contains("IMD 2019", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWelshDistrict_LacksTheEnglishIndicators_AndTheErrorNamesTheOnesItHas()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreAsync(scratch);
        var cardiff = await new AreaResolver(store).ResolveAsync("W06000015");

        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new NearestNeighbours(store).ProposeAsync(cardiff, 5));
        var withoutDeprivation = await new NearestNeighbours(store).ProposeAsync(cardiff, 5, new NearestOptions(["density", "young-adults", "one-person", "lone-parent", "students"], Manhattan: true));

        Assert.Contains("--indicators density,young-adults,one-person,lone-parent,students)", error.Message, StringComparison.Ordinal);
        Assert.Equal("W06000015", withoutDeprivation.Members[0].Area.Code);
        Assert.Contains("Manhattan distance", withoutDeprivation.Method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nearest_RanksOnlyMembersWithData()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreAsync(scratch);
        var (year, populations, populationSource) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"), null);
        await store.ImportPopulationAsync(year, populations, populationSource);
        await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);
        var area = await new AreaResolver(store).ResolveAsync("E07000011");

        var table = await new MostSimilarGroup(store).BuildNearestAsync(area, 15, CategoryTrees.Load("police-uk"), "All crime", Period.Parse("2019-07..2019-09"), true, 2015);

        Assert.Equal(15, table.Rows.Count);
        Assert.All(table.Rows.Where(r => r[0] is not null), r => Assert.NotNull(r[3]));
        Assert.All(table.Rows.Where(r => r[0] is null), r => Assert.StartsWith("missing: ", (string)r[8]!, StringComparison.Ordinal));
        Assert.Contains(table.Rows, r => Equals(r[8], "this area"));
        Assert.Contains(table.Notes, n => n.Contains("nearest on population density", StringComparison.Ordinal));
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
        var proposed = await new NearestNeighbours(store).ProposeAsync(area, 5);
        Assert.Equal(5, proposed.Members.Select(g => g.Area.Code).Distinct().Count());
        Assert.Equal("E07000244", proposed.Members[0].Area.Code);
    }
}
