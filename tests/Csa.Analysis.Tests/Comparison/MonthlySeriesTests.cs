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
        Assert.Contains(table.Notes, n => n.StartsWith("Data gap: no northumbria street data is held for 2022-01.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monthly_PeriodOutsideTheData_IsAnError()
    {
        var area = await new AreaResolver(fixture.Store).ResolveAsync("Huntingdonshire");

        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new MonthlySeries(fixture.Store).BuildAsync(area, CategoryTrees.Load("police-uk"), "All crime", new Month(2019, 1), new Month(2019, 9), []));

        Assert.Contains("outside the data.police.uk street data held", error.Message, StringComparison.Ordinal);
    }
}
