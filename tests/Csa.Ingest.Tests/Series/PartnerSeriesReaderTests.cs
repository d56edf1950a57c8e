using Csa.Core.Importing;
using Csa.Ingest.Population;
using Csa.Ingest.Series;
using Csa.Tests;

namespace Csa.Ingest.Tests.Series;

/// <summary>Partner series and population files; the partner series here are synthetic.</summary>
public class PartnerSeriesReaderTests
{
    static async Task<CsaImportException> FailsAsync(params string[] lines)
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("synthetic-series.csv");
        await File.WriteAllLinesAsync(path, lines);
        return await Assert.ThrowsAsync<CsaImportException>(() => PartnerSeriesReader.ReadAsync(path));
    }

    [Fact]
    public async Task ReadAsync_Gap_NamesTheMissingMonths()
    {
        var error = await FailsAsync("month,count", "2016-01,10", "2016-02,12", "2016-05,9");

        Assert.EndsWith("the series has no count for 2016-03, 2016-04: a missing month is not a zero; give it (0 if there were none)", Assert.Single(error.Issues).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OverlappingMonths_NameTheMonthAndLines()
    {
        var error = await FailsAsync("month,count", "2016-01,10", "2016-02,12", "2016-02,13");

        Assert.EndsWith(":4: 2016-02 is given 2 times (lines 3, 4): overlapping months would double-count", Assert.Single(error.Issues).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BadValues_NameTheirLines()
    {
        var error = await FailsAsync("month,count", "Jan-16,10", "2016-02,-3");

        Assert.Equal(["'Jan-16' is not a month written as YYYY-MM", "'-3' is not a count (a whole number, 0 or more)"], error.Issues.Select(i => i.Reason));
        Assert.Equal([2, 3], error.Issues.Select(i => i.Line));
    }

    [Fact]
    public async Task Population_RealFiles_ReadWithTheirYearFromTheName()
    {
        var (year, populations, _) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"), null);
        var (year21, populations21, _) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", "lsoa21-population-mid2022.csv"), null);

        Assert.Equal(2015, year);
        Assert.Equal(2022, year21);
        Assert.Equal(60_238_038, populations21.Values.Sum(), 1e-6);
        var huntingdonshire = IndependentLsoas();
        Assert.Equal(174_190, huntingdonshire.Sum(l => populations[l]), 1e-6);
    }

    [Fact]
    public async Task Population_NoYear_IsAClearError()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("population.csv");
        await File.WriteAllLinesAsync(path, ["lsoa_code,population", "E01018181,1500"]);

        var error = await Assert.ThrowsAsync<CsaImportException>(() => PopulationReader.ReadAsync(path, null));

        Assert.Contains("the estimate's year is not in the file name", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Huntingdonshire's 2011 LSOAs, read from the lookup with a plain split (its rows have no quoted commas).</summary>
    static string[] IndependentLsoas() =>
        [.. File.ReadLines(TestPaths.LsoaWardDistrict).Where(l => l.EndsWith(",E07000011,Huntingdonshire", StringComparison.Ordinal)).Select(l => l.Split(',')[1])];
}
