using Csa.Analysis.Comparison;
using Csa.Analysis.Trees;
using Csa.Core;

namespace Csa.Analysis.Tests.Comparison;

[Collection(SampleStoreGroup.Name)]
public class MonthlySeriesTests(SampleStoreFixture fixture)
{
    [Fact]
    public async Task Monthly_NorthumbriaGap_IsShownNotCountedAndTheRollingTotalStopsThere()
    {
        var area = await new AreaResolver(fixture.Store).ResolveAsync("Newcastle upon Tyne");

        var table = await new MonthlySeries(fixture.Store).BuildAsync(area, CategoryTrees.Load("police-uk"), "All crime", null, null, []);

        var january = table.Rows.Single(r => Equals(r[0], "2022-01"));
        Assert.Null(january[1]);
        Assert.Equal("no data held (gap)", january[7]);
        Assert.Null(table.Rows.Single(r => Equals(r[0], "2022-06"))[2]);
        Assert.NotNull(table.Rows.Single(r => Equals(r[0], "2021-12"))[2]);
        Assert.Equal(34, table.Rows.Count);
        var rolling = table.Rows.Single(r => Equals(r[0], "2021-12"))[2];
        var sum = table.Rows.SkipWhile(r => !Equals(r[0], "2021-01")).Take(12).Sum(r => (long)r[1]!);
        Assert.Equal(sum, rolling);
        Assert.Contains(table.Notes, n => n.StartsWith("Data gap: no northumbria street data is held for 2022-01:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monthly_PeriodPartlyOutsideTheData_ShowsTheMonthsNotHeldAsGaps()
    {
        var area = await new AreaResolver(fixture.Store).ResolveAsync("Huntingdonshire");

        var table = await new MonthlySeries(fixture.Store).BuildAsync(area, CategoryTrees.Load("police-uk"), "All crime", new Month(2019, 1), new Month(2019, 9), []);

        Assert.All(table.Rows.Take(6), r => Assert.Equal("no data held (gap)", r[7]));
        Assert.All(table.Rows.Take(6), r => Assert.Null(r[1]));
        Assert.All(table.Rows.Skip(6), r => Assert.IsType<long>(r[1]));
        Assert.Contains(table.Notes, n => n.StartsWith("Data gap: no cambridgeshire street data is held for 2019-01..2019-06:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monthly_PeriodWithNoHeldMonth_IsAnErrorNotZeros()
    {
        var area = await new AreaResolver(fixture.Store).ResolveAsync("Huntingdonshire");

        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new MonthlySeries(fixture.Store).BuildAsync(area, CategoryTrees.Load("police-uk"), "All crime", new Month(2018, 1), new Month(2018, 12), []));

        Assert.StartsWith("Not held: no month of 2018-01..2018-12", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cambridgeshire Constabulary", error.Message, StringComparison.Ordinal);
    }
}
