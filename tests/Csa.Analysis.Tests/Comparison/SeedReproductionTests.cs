using Csa.Analysis.Comparison;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Tests;

namespace Csa.Analysis.Tests.Comparison;

/// <summary>The seed's figures, reproduced from SYNTHETIC extracts of several seeds, checked against the seed's own table.</summary>
public class SeedReproductionTests
{
    static readonly string AppendixA = Path.Combine(TestPaths.RepositoryRoot, "data", "seed", "appendix-a-huntingdonshire-2015-vs-2016.csv");

    [Theory]
    [InlineData(1)]
    [InlineData(20170331)]
    public async Task Compare_SeedTree_ReproducesAppendixARowForRow(int seed)
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(seed);
        var area = await new AreaResolver(synthetic.Store).ResolveAsync("Huntingdonshire");

        var table = await new PeriodComparison(synthetic.Store).BuildAsync(area, Period.Parse("2015"), Period.Parse("2016"), CategoryTrees.Load("seed"), []);

        var expected = File.ReadLines(AppendixA).Skip(1).Select(IndependentCount.SplitCsv)
            .Select(f => new object?[] { f[1], long.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), long.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), long.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), f[5] })
            .ToArray();
        Assert.Equal(36, expected.Length);
        Assert.Equal(expected.Length, table.Rows.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], Shown.Cells(table.Rows[i].Take(5)));
        }

        Assert.EndsWith("[SYNTHETIC DATA]", table.Title, StringComparison.Ordinal);
        Assert.Contains(table.Notes, n => n.Contains("SYNTHETIC DATA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task YearsAndExclusions_ReproduceTheSeedsViolenceStatements()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(42);
        var area = await new AreaResolver(synthetic.Store).ResolveAsync("Huntingdonshire");
        var seedTree = CategoryTrees.Load("seed");

        // "Huntingdonshire has reported a rise in violence without injury of 94.0% and violence with injury of 40.4%, from 2013/14 to 2015/16."
        var years = await new YearlyBreakdown(synthetic.Store).BuildAsync(new YearsQuery(area, seedTree, "All Violence Against The Person", BySubcategory: true, From: 2013, To: 2015));
        var apparent = years.Rows.Single(r => Equals(r[0], "Apparent change 2013/14 to 2015/16"));
        Assert.Equal(["Financial year", "All Violence Against The Person", "Violence with injury", "Violence without injury", YearlyBreakdown.MonthsHeldColumn], years.Columns);
        Assert.Equal("+ 40.4%", Shown.Cell(apparent[2]));
        Assert.Equal("+ 94.0%", Shown.Cell(apparent[3]));

        // "An increase in Harassment between 2013/2016 of 219%, amounting to an extra 169 crimes."
        var ons = await new PeriodComparison(synthetic.Store).BuildAsync(area, Period.Parse("2013"), Period.Parse("2016"), CategoryTrees.Load("ons"), []);
        var harassment = ons.Rows.Single(r => Equals(r[0], "Stalking and harassment"));
        Assert.Equal(169L, harassment[3]);
        Assert.StartsWith("+ 219.", (string)Shown.Cell(harassment[4])!, StringComparison.Ordinal);

        // "Excluding these offences from the violence without injury category ... still sees a rise of 148%."
        var excluded = await new PeriodComparison(synthetic.Store).BuildAsync(area, Period.Parse("2013"), Period.Parse("2016"), seedTree, ["Stalking and harassment"]);
        Assert.StartsWith("+ 148.", (string)Shown.Cell(excluded.Rows.Single(r => Equals(r[0], "Violence without injury"))[4])!, StringComparison.Ordinal);
        Assert.Contains("Excluded from every row: Stalking and harassment (offence codes 8L, 8M, 8Q, 8R).", excluded.Notes);

        // Recording practice: more violence without injury recorded without the victim's support after 2014.
        var recording = await new RecordingPractice(synthetic.Store).BuildAsync(area, seedTree, "Violence without injury", Period.Parse("FY2013/14"), Period.Parse("FY2015/16"), []);
        Assert.True((double)recording.Rows[2][4]! > 10);
    }

    [Fact]
    public async Task Compare_PeriodOutsideTheExtract_SaysWhichPeriodAndWhatIsHeld()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(3);
        var area = await new AreaResolver(synthetic.Store).ResolveAsync("Huntingdonshire");
        var comparison = new PeriodComparison(synthetic.Store);

        var outside = await Assert.ThrowsAsync<CsaQueryException>(() => comparison.BuildAsync(area, Period.Parse("2010"), Period.Parse("2016"), CategoryTrees.Load("seed"), []));
        var same = await Assert.ThrowsAsync<CsaQueryException>(() => comparison.BuildAsync(area, Period.Parse("2016"), Period.Parse("2016-01..2016-12"), CategoryTrees.Load("seed"), []));
        var exclusion = await Assert.ThrowsAsync<CsaQueryException>(() => comparison.BuildAsync(area, Period.Parse("2015"), Period.Parse("2016"), CategoryTrees.Load("seed"), ["Harrassment"]));

        Assert.Equal("Not held: no month of 2010-01..2010-12 (the earlier period) is held in the local police extract (SYNTHETIC). Months held run from 2011-03 to 2017-02. Ask for months inside that span.", outside.Message);
        Assert.Equal("The two periods are the same (2016-01..2016-12): compare two different periods.", same.Message);
        Assert.Equal("--exclude 'Harrassment' is not a row of the tree, an ONS offence group or subgroup, or a Home Office offence code.", exclusion.Message);
    }

    [Fact]
    public async Task Compare_AreaTheExtractDoesNotCover_IsAnErrorNotZeros()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(4);
        var newcastle = await new AreaResolver(synthetic.Store).ResolveAsync("Newcastle upon Tyne");

        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new PeriodComparison(synthetic.Store).BuildAsync(newcastle, Period.Parse("2015"), Period.Parse("2016"), CategoryTrees.Load("seed"), []));

        Assert.StartsWith("The local extract held has no crime in Newcastle upon Tyne (district E08000021)", error.Message, StringComparison.Ordinal);
    }
}
