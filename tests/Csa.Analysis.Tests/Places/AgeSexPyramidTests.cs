using Csa.Analysis.Places;
using Csa.Analysis.Tests.Comparison;
using Csa.Core;
using Csa.Core.Classification;
using Csa.Core.Geography;

namespace Csa.Analysis.Tests.Places;

/// <summary>Victim and offender pyramids from a SYNTHETIC extract, checked against the extract's CSV read directly.</summary>
public sealed class AgeSexPyramidTests
{
    static readonly Area Huntingdonshire = new("E07000011", "Huntingdonshire", AreaLevel.District, null);

    [Fact]
    public async Task Pyramid_BandsAndSexesMatchTheExtractFile()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(seed: 3);
        var rows = File.ReadLines(synthetic.ExtractFile).Skip(1).Where(l => !l.StartsWith('#')).Select(IndependentCount.SplitCsv)
            .Where(f => f[2].StartsWith("2016", StringComparison.Ordinal)).ToArray();

        var pyramid = await new AgeSexPyramid(synthetic.Store).BuildAsync(Huntingdonshire, Period.Parse("2016"), null);

        Assert.Equal(rows.Length, pyramid.Victims.Sum(b => b.Female + b.Male + b.UnknownSex));
        Assert.Equal(rows.Length, pyramid.Offenders.Sum(b => b.Female + b.Male + b.UnknownSex));
        var femaleVictims25To34 = rows.Count(f => f[8] == "F" && int.TryParse(f[7], out var age) && age is >= 25 and <= 34);
        Assert.Equal(femaleVictims25To34, pyramid.Victims.Single(b => b.Band == "25–34").Female);
        var offendersUnknown = rows.Count(f => f[9].Length == 0);
        Assert.Equal(offendersUnknown, pyramid.Offenders.Single(b => b.Band == AgeSexPyramid.UnknownAge).Female + pyramid.Offenders.Single(b => b.Band == AgeSexPyramid.UnknownAge).Male + pyramid.Offenders.Single(b => b.Band == AgeSexPyramid.UnknownAge).UnknownSex);
    }

    [Fact]
    public async Task Pyramid_OfAMarker_CountsOnlyItsCrimes()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(seed: 3);

        var all = await new AgeSexPyramid(synthetic.Store).BuildAsync(Huntingdonshire, Period.Parse("2016"), null);
        var domestic = await new AgeSexPyramid(synthetic.Store).BuildAsync(Huntingdonshire, Period.Parse("2016"), Markers.DomesticAbuse);

        var total = domestic.Victims.Sum(b => b.Female + b.Male + b.UnknownSex);
        Assert.InRange(total, 1, all.Victims.Sum(b => b.Female + b.Male + b.UnknownSex) - 1);
        Assert.True(domestic.Victims.Sum(b => b.Female) > domestic.Victims.Sum(b => b.Male), "the synthetic generator makes 75% of domestic abuse victims female");
    }

    [Fact]
    public async Task Pyramid_OutsideTheExtract_IsAQueryError()
    {
        await using var synthetic = await SyntheticExtractStore.CreateAsync(seed: 3);

        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new AgeSexPyramid(synthetic.Store).BuildAsync(Huntingdonshire, Period.Parse("2019"), null));

        Assert.Equal("Not held: no month of 2019-01..2019-12 is held in the local police extract (SYNTHETIC). Months held run from 2011-03 to 2017-02. Ask for months inside that span.", error.Message);
    }

    [Theory]
    [InlineData(0, "0–9")]
    [InlineData(17, "10–17")]
    [InlineData(18, "18–24")]
    [InlineData(74, "65–74")]
    [InlineData(101, "75+")]
    [InlineData(null, AgeSexPyramid.UnknownAge)]
    public void BandOf_PutsEachAgeInOneBand(int? age, string band) => Assert.Equal(band, AgeSexPyramid.BandOf(age));
}
