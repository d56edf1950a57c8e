using Csa.Core;
using Csa.Core.PoliceUk;

namespace Csa.Analysis.Tests;

[Collection(SampleStoreGroup.Name)]
public class CrimeSummaryTests(SampleStoreFixture fixture)
{
    async Task<ResultTable> SummaryAsync(string area, string? from, string? to, SummaryBreakdown by)
    {
        var resolved = await new AreaResolver(fixture.Store).ResolveAsync(area);
        return await new CrimeSummary(fixture.Store).BuildAsync(
            resolved, from is null ? null : Month.Parse(from), to is null ? null : Month.Parse(to), by);
    }

    static object? Cell(ResultTable table, string firstCell, string column) =>
        table.Rows.Single(r => Equals(r[0], firstCell))[table.Columns.ToList().IndexOf(column)];

    [Theory]
    [InlineData("2019-07")]
    [InlineData("2019-08")]
    [InlineData("2019-09")]
    public async Task ByType_Huntingdonshire_EqualsACountMadeFromTheCsvFiles(string month)
    {
        var expected = IndependentCount.StreetRowsByMonthAndType(IndependentCount.LsoasOfDistrict("E07000011"));

        var table = await SummaryAsync("Huntingdonshire", month, month, SummaryBreakdown.Type);

        foreach (var type in PoliceUkCrimeTypes.Crimes)
        {
            Assert.Equal((long)expected.GetValueOrDefault((month, type)), Cell(table, type, CrimeSummary.CrimesColumn));
        }

        Assert.Equal((long)expected.GetValueOrDefault((month, PoliceUkCrimeTypes.AntiSocialBehaviour)), Cell(table, PoliceUkCrimeTypes.AntiSocialBehaviour, CrimeSummary.AntiSocialBehaviourColumn));
        var allCrime = expected.Where(kv => kv.Key.Month == month && kv.Key.CrimeType != PoliceUkCrimeTypes.AntiSocialBehaviour).Sum(kv => kv.Value);
        Assert.Equal((long)allCrime, Cell(table, "All crime", CrimeSummary.CrimesColumn));
    }

    [Fact]
    public async Task ByMonth_Huntingdonshire_MatchesTheSharedReadmeRowCounts()
    {
        // ../shared/data/README.md: Huntingdonshire has 1,142 / 1,041 / 986 street rows in July–September 2019.
        var table = await SummaryAsync("E07000011", null, null, SummaryBreakdown.Month);

        Assert.Equal(["2019-07", "2019-08", "2019-09", "Total"], table.Rows.Select(r => r[0]));
        Assert.Equal(
            [1142L, 1041L, 986L],
            table.Rows.Take(3).Select(r => (long)r[1]! + (long)r[2]!));
        Assert.All(table.Rows, r => Assert.Null(r[3]));
    }

    [Fact]
    public async Task ByType_AntiSocialBehaviour_IsNeverInTheCrimeTotal()
    {
        var table = await SummaryAsync("Huntingdonshire", null, null, SummaryBreakdown.Type);

        var types = table.Rows.Where(r => PoliceUkCrimeTypes.Crimes.Contains((string)r[0]!)).Sum(r => (long)r[1]!);
        Assert.Equal(types, Cell(table, "All crime", CrimeSummary.CrimesColumn));
        Assert.Null(Cell(table, PoliceUkCrimeTypes.AntiSocialBehaviour, CrimeSummary.CrimesColumn));
        Assert.Null(Cell(table, "All crime", CrimeSummary.AntiSocialBehaviourColumn));
        Assert.Contains(table.Notes, n => n.Contains("Anti-social behaviour is counted apart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByWard_Huntingdonshire_ListsEveryWardAndAddsUpToTheDistrict()
    {
        var byWard = await SummaryAsync("Huntingdonshire", null, null, SummaryBreakdown.Ward);
        var byType = await SummaryAsync("Huntingdonshire", null, null, SummaryBreakdown.Type);

        Assert.Equal(26, byWard.Rows.Count - 1);
        Assert.Equal(Cell(byType, "All crime", CrimeSummary.CrimesColumn), Cell(byWard, "Total", CrimeSummary.CrimesColumn));
    }

    [Fact]
    public async Task ByMonth_SpanningNorthumbriasMissingMonth_ShowsTheGapNotAFall()
    {
        var table = await SummaryAsync("Newcastle upon Tyne", "2021-10", "2022-04", SummaryBreakdown.Month);

        var january = table.Rows.Single(r => Equals(r[0], "2022-01"));
        Assert.Null(january[1]);
        Assert.Null(january[2]);
        Assert.Equal("no data held (gap)", january[3]);
        Assert.Equal("partial: 6 of 7 months held", Cell(table, "Total", "Note"));
        Assert.Contains(table.Notes, n => n.StartsWith("Data gap: no northumbria street data is held for 2022-01:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByType_PeriodOutsideTheData_IsAnErrorNotZeros()
    {
        var error = await Assert.ThrowsAsync<CsaQueryException>(() => SummaryAsync("Huntingdonshire", "2015-01", "2015-12", SummaryBreakdown.Type));

        Assert.Equal(
            "Not held: no month of 2015-01..2015-12 is held in the data.police.uk street data for Huntingdonshire (district E07000011). " +
            "Its home force (Cambridgeshire Constabulary): cambridgeshire street files are held for 2019-07..2019-09. " +
            "Ask for months from 2019-07 to 2019-09, or import the missing months (csa import police-uk PATH).",
            error.Message);
    }

    [Fact]
    public async Task ByType_ReversedPeriod_IsAnError()
    {
        var error = await Assert.ThrowsAsync<CsaQueryException>(() => SummaryAsync("Huntingdonshire", "2019-09", "2019-07", SummaryBreakdown.Type));

        Assert.Contains("ends before it starts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnershipAndForceArea_AggregateThroughTheLookups()
    {
        var district = await SummaryAsync("Huntingdonshire", null, null, SummaryBreakdown.Type);
        var partnership = await SummaryAsync("E22000016", null, null, SummaryBreakdown.Type);
        var forceArea = await SummaryAsync("E23000023", null, null, SummaryBreakdown.Type);

        Assert.Equal(Cell(district, "All crime", CrimeSummary.CrimesColumn), Cell(partnership, "All crime", CrimeSummary.CrimesColumn));
        Assert.True((long)Cell(forceArea, "All crime", CrimeSummary.CrimesColumn)! > (long)Cell(district, "All crime", CrimeSummary.CrimesColumn)!);
    }
}
