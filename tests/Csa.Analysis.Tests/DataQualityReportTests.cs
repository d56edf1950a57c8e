using Csa.Core.Geography;

namespace Csa.Analysis.Tests;

[Collection(SampleStoreGroup.Name)]
public class DataQualityReportTests(SampleStoreFixture fixture)
{
    static long Sum(ResultTable table, string force, string column)
    {
        var index = table.Columns.ToList().IndexOf(column);
        return table.Rows.Where(r => Equals(r[0], force)).Sum(r => r[index] as long? ?? 0);
    }

    [Fact]
    public async Task BuildAsync_AllForces_ShowsNorthumbriasMissingMonthAsARow()
    {
        var table = await new DataQualityReport(fixture.Store).BuildAsync(null);

        var missing = Assert.Single(table.Rows, r => Equals(r[2], "MISSING (gap)"));
        Assert.Equal("northumbria", missing[0]);
        Assert.Equal("2022-01", missing[1]);
        Assert.Equal(34, table.Rows.Count(r => Equals(r[0], "northumbria")));
        Assert.Contains(table.Notes, n => n.StartsWith("northumbria: 33 of 34 months held from 2020-05 to 2023-02; missing 2022-01.", StringComparison.Ordinal));
        Assert.Contains(table.Notes, n => n.StartsWith("No data is held for 41 of the 43 territorial forces", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildAsync_NoLocationAndOutsideRows_EqualCountsFromTheCsvFiles()
    {
        var rows = Directory.EnumerateFiles(Csa.Tests.TestPaths.Cambridgeshire, "*-street.csv", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Skip(1)).Select(IndependentCount.SplitCsv).ToList();
        var cambridgeshireDistricts = new HashSet<string> { "E07000008", "E07000009", "E07000010", "E07000011", "E07000012", "E06000031" };
        var districtOf = File.ReadLines(Csa.Tests.TestPaths.LsoaWardDistrict).Skip(1).Select(IndependentCount.SplitCsv).ToDictionary(f => f[1], f => f[5]);

        var table = await new DataQualityReport(fixture.Store).BuildAsync(null);

        Assert.Equal(rows.Count(f => f[4].Length == 0), Sum(table, "cambridgeshire", "No location"));
        Assert.Equal(rows.Count(f => f[7].Length == 0), Sum(table, "cambridgeshire", "No LSOA"));
        Assert.Equal(
            rows.Count(f => districtOf.TryGetValue(f[7], out var d) && !cambridgeshireDistricts.Contains(d)),
            Sum(table, "cambridgeshire", "Outside force area"));
        Assert.Equal(rows.Count(f => f[7].Length > 0), Sum(table, "cambridgeshire", "LSOA 2011"));
    }

    [Fact]
    public async Task BuildAsync_ForAnArea_KeepsToTheForcesWithRecordsThere()
    {
        var area = await new AreaResolver(fixture.Store).ResolveAsync("Huntingdonshire");

        var table = await new DataQualityReport(fixture.Store).BuildAsync(area);

        Assert.All(table.Rows, r => Assert.Equal("cambridgeshire", r[0]));
        Assert.Equal(AreaLevel.District, area.Level);
    }
}
