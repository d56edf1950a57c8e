using System.Globalization;
using Csa.Analysis.Comparison;
using Csa.Analysis.Rates;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Ingest.Population;
using Csa.Ingest.Series;
using Csa.Tests;

namespace Csa.Analysis.Tests.Comparison;

/// <summary>The seed's weighed statements, from the SYNTHETIC extract and constructed (synthetic) population and partner files.</summary>
public class StatisticsOnSyntheticDataTests
{
    /// <summary>Writes a SYNTHETIC LSOA population file spreading <paramref name="total"/> over Huntingdonshire's LSOAs.</summary>
    static async Task ImportPopulationAsync(SyntheticExtractStore synthetic, ScratchFolder scratch, int year, double total)
    {
        var places = await synthetic.Store.GetPlacesAsync();
        var lsoas = places.LsoaPlaces.Where(p => p.Value.District == "E07000011").Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var path = scratch.File($"synthetic-population-mid{year}.csv");
        var lines = lsoas.Select((lsoa, i) => string.Create(CultureInfo.InvariantCulture, $"{lsoa},{(i == 0 ? total - (Math.Floor(total / lsoas.Length) * (lsoas.Length - 1)) : Math.Floor(total / lsoas.Length))}"));
        await File.WriteAllLinesAsync(path, ["lsoa_code,population", .. lines]);
        var (y, populations, source) = await PopulationReader.ReadAsync(path, null);
        await synthetic.Store.ImportPopulationAsync(y, populations, source);
    }

    [Fact]
    public async Task Rates_AllCrime2016_Is46Point5PerThousand()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(5);
        using var scratch = TestPaths.NewScratchFolder();
        await ImportPopulationAsync(synthetic, scratch, 2016, 177_570);
        var area = await new AreaResolver(synthetic.Store).ResolveAsync("Huntingdonshire");

        var table = await new RateTable(synthetic.Store).BuildAsync(area, Period.Parse("2016"), CategoryTrees.Load("seed"), null);

        var allCrime = table.Rows[0];
        Assert.Equal(8257L, allCrime[1]);
        Assert.Equal(46.5, Math.Round((double)allCrime[2]!, 1));
        Assert.Equal("Byars", allCrime[5]);
        Assert.Contains(table.Notes, n => n.StartsWith("Population: ONS mid-2016 estimate, 177,570", StringComparison.Ordinal));
        var wide = await new RateTable(synthetic.Store).BuildAsync(area, Period.Parse("2016"), CategoryTrees.Load("seed"), null, 0.998);
        Assert.Equal("Lower 99.8%", wide.Columns[3]);
        Assert.True((double)wide.Rows[0][3]! < (double)allCrime[3]!);
    }

    [Fact]
    public async Task Rates_NoPopulationForTheYear_IsAClearError()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(5);
        using var scratch = TestPaths.NewScratchFolder();
        await ImportPopulationAsync(synthetic, scratch, 2016, 177_570);
        var area = await new AreaResolver(synthetic.Store).ResolveAsync("Huntingdonshire");

        // One population-year rule: the period's own year where held, else the nearest held, saying which.
        var nearest = await new RateTable(synthetic.Store).BuildAsync(area, Period.Parse("2015"), CategoryTrees.Load("seed"), null);
        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new RateTable(synthetic.Store).BuildAsync(area, Period.Parse("2015"), CategoryTrees.Load("seed"), 2014));
        var overridden = await new RateTable(synthetic.Store).BuildAsync(area, Period.Parse("2015"), CategoryTrees.Load("seed"), 2016);

        Assert.Contains("Population: ONS mid-2016 estimate, 177,570: the nearest held to 2015, the year of 2015-01..2015-12's middle month, which is not held (--population-year names another).", nearest.Notes);
        Assert.StartsWith("No population estimate for 2014 is held for Huntingdonshire (district E07000011) (years held: 2016).", error.Message, StringComparison.Ordinal);
        Assert.Contains(overridden.Notes, n => n.Contains("as asked (--population-year)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Years_LongRunRates_AndTheirChange()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(6);
        using var scratch = TestPaths.NewScratchFolder();
        for (var year = 2012; year <= 2016; year++)
        {
            await ImportPopulationAsync(synthetic, scratch, year, 170_000 + (2_000 * (year - 2012)));
        }

        var area = await new AreaResolver(synthetic.Store).ResolveAsync("Huntingdonshire");

        var table = await new YearlyBreakdown(synthetic.Store).BuildAsync(new YearsQuery(area, CategoryTrees.Load("seed"), "All Crime", FinancialYears: false, From: 2012, To: 2016, Rates: true));

        Assert.Equal(["Year", "All Crime", "Population", "Rate per 1,000", YearlyBreakdown.MonthsHeldColumn], table.Columns);
        Assert.Equal(["2016", 8257L, 178_000.0, Math.Round(8257 / 178.0, 1), 12L], table.Rows[4]);
        var change = table.Rows.Single(r => Equals(r[0], "Apparent change 2012 to 2016"));
        Assert.Equal(ApparentChange.Format(Math.Round((long)table.Rows[0][1]! / 170.0, 1), Math.Round(8257 / 178.0, 1)), Shown.Cell(change[3]));
    }

    [Fact]
    public async Task Triangulate_AmbulanceCallOutsFellWhilePoliceRecordedViolenceRose()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(8);
        using var scratch = TestPaths.NewScratchFolder();
        // SYNTHETIC partner series: 204 call-outs in 2014, 160 in 2015 and 113 in 2016, as the seed reports for 2014 and 2016.
        var path = scratch.File("synthetic-ambulance.csv");
        var months = new List<string> { "month,count" };
        foreach (var (year, total) in new[] { (2014, 204), (2015, 160), (2016, 113) })
        {
            months.AddRange(Enumerable.Range(1, 12).Select(m => string.Create(CultureInfo.InvariantCulture, $"{year}-{m:D2},{(total / 12) + (m <= total % 12 ? 1 : 0)}")));
        }

        await File.WriteAllLinesAsync(path, months);
        var area = await new AreaResolver(synthetic.Store).ResolveAsync("Huntingdonshire");
        var (counts, source) = await PartnerSeriesReader.ReadAsync(path);
        await synthetic.Store.ImportSeriesAsync("Ambulance call-outs (assault)", area, counts, source);

        var table = await new Triangulation(synthetic.Store).BuildAsync(area, "Ambulance call-outs (assault)", CategoryTrees.Load("seed"), "All Violence Against The Person", false, null, null);

        Assert.Equal(["2014", "2015", "2016"], table.Rows.Take(3).Select(r => r[0]));
        Assert.Equal(204L, table.Rows[0][3]);
        Assert.Equal(113L, table.Rows[2][3]);
        Assert.Equal(55.4, table.Rows[2][4]);
        var significance = table.Rows.Single(r => ((string)r[0]!).StartsWith("Significance", StringComparison.Ordinal));
        Assert.Equal("significant increase", significance[1]);
        Assert.Equal("significant decrease", significance[3]);
        Assert.Equal("- 44.6%", Shown.Cell(table.Rows.Single(r => ((string)r[0]!).StartsWith("Apparent", StringComparison.Ordinal))[3]));
    }

    [Fact]
    public async Task Compare_Significance_IsInTheDetailColumns()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(9);
        var area = await new AreaResolver(synthetic.Store).ResolveAsync("Huntingdonshire");

        var table = await new PeriodComparison(synthetic.Store).BuildAsync(area, Period.Parse("2015"), Period.Parse("2016"), CategoryTrees.Load("seed"), []);

        Assert.Equal(ComparisonResult.StatisticsColumns, table.DetailColumns);
        Assert.Equal("significant increase", table.Rows[0][9]);
        Assert.Equal("no significant change; small numbers: compare with caution", table.Rows.Single(r => Equals(r[0], "Racially Aggravated Criminal Damage"))[9]);
        Assert.Equal("significant decrease; small numbers: compare with caution", table.Rows.Single(r => Equals(r[0], "Human Trafficking"))[9]);
        Assert.Null(table.Rows.Single(r => Equals(r[0], "Child Sexual Abuse"))[6]);
        Assert.Equal(5, table.WithoutDetail().Columns.Count);
        Assert.Contains(table.Notes, n => n.StartsWith("Significance treats the counts as a Poisson process", StringComparison.Ordinal));
    }
}
