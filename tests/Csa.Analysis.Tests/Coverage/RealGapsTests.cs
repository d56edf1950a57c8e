using System.Globalization;
using Csa.Analysis.Comparison;
using Csa.Analysis.Rates;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Tests;

namespace Csa.Analysis.Tests.Coverage;

/// <summary>The one coverage model and the like-for-like rules on real gaps: British Transport Police without September
/// 2019, Thames Valley without July 2019, Bedfordshire's rows in Huntingdonshire, Northumbria without January 2022.
/// Expected figures are counted straight from the bundled CSV files, never through csa.</summary>
[Collection(GapsStoreGroup.Name)]
public class RealGapsTests(GapsStoreFixture fixture)
{
    static readonly CategoryTree PoliceUk = CategoryTrees.Load("police-uk");

    Task<Core.Geography.Area> AreaAsync(string name) => new AreaResolver(fixture.Store).ResolveAsync(name);

    /// <summary>Huntingdonshire's crimes per month from the Cambridgeshire files and the national slice (every force's rows that fall there).</summary>
    static Dictionary<(string Force, string Month), int> HuntingdonshireCrimes()
    {
        var lsoas = IndependentCount.LsoasOfDistrict("E07000011");
        var counts = IndependentCount.CrimesInZipByForceAndMonth(TestPaths.NationalSlice, lsoas);
        foreach (var ((month, type), n) in IndependentCount.StreetRowsByMonthAndType(lsoas).Where(kv => kv.Key.CrimeType != "Anti-social behaviour"))
        {
            counts[("cambridgeshire", month)] = counts.GetValueOrDefault(("cambridgeshire", month)) + n;
        }

        return counts;
    }

    [Fact]
    public async Task Monthly_OneBritishTransportPoliceOrStrayRow_NeverMakesAMonthMissing()
    {
        var expected = HuntingdonshireCrimes();
        Assert.Contains(expected.Keys, k => k.Force == "btp");
        Assert.Contains(expected.Keys, k => k.Force == "bedfordshire");

        var table = await new MonthlySeries(fixture.Store).BuildAsync(await AreaAsync("Huntingdonshire"), PoliceUk, "All crime", new Month(2019, 7), new Month(2019, 9), []);

        foreach (var month in new[] { "2019-07", "2019-08", "2019-09" })
        {
            var row = table.Rows.Single(r => Equals(r[0], month));
            Assert.Equal((long)expected.Where(kv => kv.Key.Month == month).Sum(kv => kv.Value), row[1]);
            Assert.NotEqual("no data held (gap)", row[7]);
        }

        // The note gives British Transport Police's share of the area's crime in the months where its file is held.
        var btp = expected.Where(kv => kv.Key.Force == "btp").Sum(kv => kv.Value);
        var all = expected.Where(kv => kv.Key.Month != "2019-09").Sum(kv => kv.Value);
        var share = string.Create(CultureInfo.InvariantCulture, $"{100.0 * btp / all:0.0}% of the area's crime ({btp:N0} of {all:N0})");
        var note = Assert.Single(table.Notes, n => n.StartsWith("Not held: British Transport Police street data for 2019-09.", StringComparison.Ordinal));
        Assert.Contains(share, note, StringComparison.Ordinal);
        Assert.DoesNotContain(table.Notes, n => n.StartsWith("Data gap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compare_TwoSingleMonths_WithStrayRows_CountsTheMonthsAndTestsThemOnEqualExposure()
    {
        var expected = HuntingdonshireCrimes();
        var (august, september) = (expected.Where(kv => kv.Key.Month == "2019-08").Sum(kv => kv.Value), expected.Where(kv => kv.Key.Month == "2019-09").Sum(kv => kv.Value));

        var result = await new PeriodComparison(fixture.Store).CompareAsync(await AreaAsync("Huntingdonshire"), Period.Parse("2019-08"), Period.Parse("2019-09"), PoliceUk, [], false);

        var all = result.Row("All crime");
        Assert.Equal((august, september), ((int)all.Earlier, (int)all.Later));
        Assert.False(result.IsPartial);
        Assert.Equal((1.0, 1.0), (result.EarlierExposure, result.LaterExposure));
        Assert.Equal(ExactBinomialTwoSided(september, august + september), all.Test.PValue, 9);
    }

    [Fact]
    public async Task Compare_ForceMonthMissing_IsNotHeld_AndTwoMonthPeriodsCompareOnlyTheMonthsHeldInBoth()
    {
        var reading = await AreaAsync("Reading");
        var engine = new PeriodComparison(fixture.Store);

        var single = await Assert.ThrowsAsync<CsaQueryException>(() => engine.CompareAsync(reading, Period.Parse("2019-07"), Period.Parse("2019-08"), PoliceUk, [], false));
        var two = await engine.CompareAsync(reading, Period.Parse("2019-07..2019-08"), Period.Parse("2019-08..2019-09"), PoliceUk, [], false);

        Assert.StartsWith("Not held: no month of 2019-07 (the earlier period) is held in the data.police.uk street data for Reading", single.Message, StringComparison.Ordinal);
        Assert.Contains("Thames Valley Police", single.Message, StringComparison.Ordinal);
        // July pairs with August, August with September: July is not held, so only August against September is compared.
        Assert.Equal([new Month(2019, 8)], two.EarlierMonths);
        Assert.Equal([new Month(2019, 9)], two.LaterMonths);
        Assert.Equal((1.0, 1.0), (two.EarlierExposure, two.LaterExposure));
    }

    [Fact]
    public async Task Compare_NewcastleAcrossJanuary2022_ComparesFebruaryToDecemberInBothYears()
    {
        var result = await new PeriodComparison(fixture.Store).CompareAsync(await AreaAsync("Newcastle upon Tyne"), Period.Parse("2021"), Period.Parse("2022"), PoliceUk, [], false);
        var table = result.ToTable();

        var all = result.Row("All crime");
        Assert.Equal((31_624L, 33_963L), (all.Earlier, all.Later));
        Assert.Equal(7.4m, all.PercentChange);
        Assert.Equal("+ 7.4%", Shown.Cell(table.Rows[0][4]));
        Assert.Equal(7.4, ((FormattedNumber)table.Rows[0][4]!).Value);
        Assert.Equal([new Month(2021, 1), new Month(2022, 1)], result.LeftOut);
        Assert.Equal(11, result.EarlierMonths.Count);
        Assert.StartsWith("Like for like: compared over the same 11 months of each period (2021-02..2021-12 against 2022-02..2022-12); left out: 2021-01, 2022-01", result.Notes[0], StringComparison.Ordinal);

        // The change, the apparent change and the test use the same months: the rate ratio is the counts' ratio.
        Assert.Equal(33_963.0 / 31_624.0, all.Test.RateRatio, 9);
        Assert.Equal(Statistics.ChangeVerdict.SignificantIncrease, all.Test.Verdict);
    }

    [Fact]
    public async Task Compare_NewcastleDecemberAgainstTheMissingJanuary_IsNotHeldNotACrash()
    {
        var newcastle = await AreaAsync("Newcastle upon Tyne");

        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new PeriodComparison(fixture.Store).BuildAsync(newcastle, Period.Parse("2021-12"), Period.Parse("2022-01"), PoliceUk, []));

        Assert.StartsWith("Not held: no month of 2022-01 (the later period)", error.Message, StringComparison.Ordinal);
        Assert.Contains("2020-05..2021-12, 2022-02..2023-02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rates_OverAPeriodWithAMissingMonth_AreOnTheMonthsHeld_AndAnnualisedFromThem()
    {
        var newcastle = await AreaAsync("Newcastle upon Tyne");
        var rates = new RateTable(fixture.Store);

        var table = await rates.BuildAsync(newcastle, Period.Parse("2022"), PoliceUk, 2015);
        var none = await Assert.ThrowsAsync<CsaQueryException>(() => rates.BuildAsync(newcastle, Period.Parse("2019"), PoliceUk, 2015));

        var population = (await fixture.Store.GetPopulationAsync(newcastle))[2015];
        var all = table.Rows[0];
        var crimes = (long)all[1]!;
        Assert.Equal(Math.Round(crimes / population * 1000, 2), all[2]);
        Assert.Equal(Math.Round(crimes / population * 1000 * 12 / 11, 2), all[6]);
        Assert.Contains("(partial: 11 of 12 months held)", table.Title, StringComparison.Ordinal);
        Assert.Contains(table.Notes, n => n.StartsWith("Partial: 11 of the period's 12 months are held.", StringComparison.Ordinal));
        Assert.StartsWith("Not held: no month of 2019-01..2019-12", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Years_AYearWithAMissingMonth_IsPartial_AndTheChangeIsLikeForLike()
    {
        var table = await new YearlyBreakdown(fixture.Store).BuildAsync(
            new YearsQuery(await AreaAsync("Newcastle upon Tyne"), PoliceUk, "All crime", FinancialYears: false, From: 2021, To: 2022));

        Assert.Equal("2021", table.Rows[0][0]);
        Assert.Equal(12L, table.Rows[0][^1]);
        Assert.Equal("2022 (partial)", table.Rows[1][0]);
        Assert.Equal(11L, table.Rows[1][^1]);
        Assert.Equal("Change 2021 to 2022 (like for like: the same 11 months of each)", table.Rows[2][0]);
        Assert.Equal(33_963L - 31_624L, table.Rows[2][1]);
        Assert.Equal("+ 7.4%", Shown.Cell(table.Rows[3][1]));
        Assert.DoesNotContain(table.Notes, n => n.Contains("Only whole years", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summary_MonthNoHomeForceHolds_AndADistrictWhoseForceIsNotHeld_AreNotHeldNotZeros()
    {
        var summary = new CrimeSummary(fixture.Store);
        var (huntingdonshire, suffolk) = (await AreaAsync("Huntingdonshire"), await AreaAsync("West Suffolk"));

        var october = await Assert.ThrowsAsync<CsaQueryException>(() => summary.BuildAsync(huntingdonshire, new Month(2019, 10), new Month(2019, 10), SummaryBreakdown.Type));
        var westSuffolk = await Assert.ThrowsAsync<CsaQueryException>(() => summary.BuildAsync(suffolk, new Month(2019, 7), new Month(2019, 9), SummaryBreakdown.Type));
        var reading = await summary.BuildAsync(await AreaAsync("Reading"), new Month(2019, 7), new Month(2019, 9), SummaryBreakdown.Month);

        Assert.StartsWith("Not held: no month of 2019-10", october.Message, StringComparison.Ordinal);
        Assert.StartsWith("Not held: no month of 2019-07..2019-09", westSuffolk.Message, StringComparison.Ordinal);
        Assert.Contains("Its home force (Suffolk Constabulary): no street file of suffolk is held.", westSuffolk.Message, StringComparison.Ordinal);
        Assert.Contains("crimes other forces' files place there in those months are not the area's crime", westSuffolk.Message, StringComparison.Ordinal);
        Assert.Equal([null, null, "no data held (gap)"], reading.Rows[0].Skip(1));
        Assert.IsType<long>(reading.Rows[1][1]);
        Assert.Equal("partial: 2 of 3 months held", reading.Rows[^1][3]);
    }

    [Fact]
    public async Task Msg_WithAGroupOfWards_LabelsTheAreaItself()
    {
        var store = fixture.Store;
        var district = await AreaAsync("Huntingdonshire");
        var wards = await store.GetWardsAsync(district);
        var ward = await new AreaResolver(store).ResolveAsync(wards[0].Code);

        var table = await new MostSimilarGroup(store).BuildAsync(ward, [.. wards.Select(w => w.Code)], PoliceUk, "All crime", Period.Parse("2019-07..2019-09"), true, 2015);

        var self = Assert.Single(table.Rows, r => Equals(r[8], "this area"));
        Assert.Equal(wards[0].Code, self[1]);
        Assert.StartsWith($"{ward.Name} is ranked", table.Notes[0], StringComparison.Ordinal);
    }

    /// <summary>The exact two-sided test of a count against Binomial(n, ½), minimum-likelihood rule, in log space: computed here
    /// independently of csa's statistics.</summary>
    static double ExactBinomialTwoSided(int observed, int n)
    {
        var logFactorial = new double[n + 1];
        for (var i = 1; i <= n; i++)
        {
            logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        }

        double LogPmf(int k) => logFactorial[n] - logFactorial[k] - logFactorial[n - k] + (n * Math.Log(0.5));
        var threshold = LogPmf(observed) + 1e-7;
        return Math.Min(1, Enumerable.Range(0, n + 1).Where(k => LogPmf(k) <= threshold).Sum(k => Math.Exp(LogPmf(k))));
    }
}
