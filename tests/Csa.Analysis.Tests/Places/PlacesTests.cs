using System.Text.Json;
using Csa.Analysis.Places;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Csa.Analysis.Tests.Places;

/// <summary>The atlas's analyses on the real sample: ward and LSOA indicators, contiguity, hot spots.</summary>
public sealed class PlacesTests(PlacesStoreFixture fixture) : IClassFixture<PlacesStoreFixture>
{
    static readonly Area Huntingdonshire = new("E07000011", "Huntingdonshire", AreaLevel.District, null);
    static readonly Period Quarter = Period.Parse("2019-07..2019-09");
    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [Fact]
    public async Task Wards_CountsMatchTheFiles_AndRatesUseTheNearestEstimate()
    {
        var lsoas = IndependentCount.LsoasOfDistrict("E07000011");
        var expected = IndependentCount.StreetRowsByMonthAndType(lsoas).Where(r => r.Key.CrimeType == "Burglary").Sum(r => r.Value);

        var set = await new PlaceIndicators(fixture.Store).BuildAsync(Huntingdonshire, Quarter, "Burglary", PlaceLevel.Ward);

        Assert.Equal(26, set.Places.Count);
        Assert.Equal(expected, set.Places.Sum(p => p.Crimes));
        Assert.Equal(2022, set.PopulationYear);
        Assert.Contains(set.Notes, n => n.Contains("mid-2022 estimate, the nearest held to 2019", StringComparison.Ordinal));
        Assert.All(set.Places, p => Assert.Equal(p.Crimes * 1000 / p.Rate!.Population, p.Rate.Value, 9));
    }

    [Fact]
    public async Task Lsoas_UseThe2011CodedEstimate_AndAddUpToTheWards()
    {
        var wards = await new PlaceIndicators(fixture.Store).BuildAsync(Huntingdonshire, Quarter, StreetCategory.AllCrime, PlaceLevel.Ward);
        var lsoas = await new PlaceIndicators(fixture.Store).BuildAsync(Huntingdonshire, Quarter, StreetCategory.AllCrime, PlaceLevel.Lsoa);

        Assert.Equal(105, lsoas.Places.Count);
        Assert.Equal(2015, lsoas.PopulationYear);
        Assert.All(lsoas.Places, p => Assert.NotNull(p.Rate));
        Assert.Equal(wards.Places.Sum(p => p.Crimes), lsoas.Places.Sum(p => p.Crimes));
    }

    [Fact]
    public async Task Indicators_PeriodWithNoData_IsAQueryError()
    {
        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new PlaceIndicators(fixture.Store).BuildAsync(Huntingdonshire, Period.Parse("2018"), StreetCategory.AllCrime, PlaceLevel.Ward));

        Assert.StartsWith("Not held: no month of 2018-01..2018-12 is held in the data.police.uk street data for Huntingdonshire", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contiguity_OfSimplifiedBoundaries_EqualsThatOfThePublishedOnes()
    {
        // The published polygons share their edges exactly, so there two LSOAs are queen neighbours when they
        // intersect; the store holds them simplified, which is why csa allows a tolerance.
        var published = JsonSerializer.Deserialize<FeatureCollection>(
            await File.ReadAllTextAsync(PlacesStoreFixture.LsoaBoundaries), GeoJson)!;
        var features = published.OrderBy(f => (string)f.Attributes["LSOA11CD"], StringComparer.Ordinal).ToArray();
        var exact = features.Select(f => features.Select((g, j) => (g, j)).Where(x => x.g != f && x.g.Geometry.Intersects(f.Geometry)).Select(x => x.j).ToHashSet()).ToArray();
        var held = (await fixture.Store.GetBoundariesAsync("lsoa11", null)).OrderBy(b => b.Code, StringComparer.Ordinal).ToArray();

        var neighbours = Contiguity.QueenNeighbours([.. held.Select(b => b.GeoJson)]);

        Assert.Equal(features.Select(f => (string)f.Attributes["LSOA11CD"]), held.Select(b => b.Code));
        Assert.All(Enumerable.Range(0, held.Length), i => Assert.Equal(exact[i].Order(), neighbours[i].Order()));
        Assert.All(neighbours, n => Assert.NotEmpty(n));
    }

    [Fact]
    public async Task Hotspots_StateTheMethod_AndClassesFollowTheStatistic()
    {
        var set = await new Hotspots(fixture.Store).BuildAsync(Huntingdonshire, Quarter, StreetCategory.AllCrime, falseDiscoveryRate: false);

        Assert.Equal(105, set.Places.Count);
        Assert.Equal(2015, set.PopulationYear);
        Assert.Contains(set.Notes, n => n.Contains("Getis-Ord Gi*", StringComparison.Ordinal) && n.Contains("queen contiguity", StringComparison.Ordinal));
        Assert.Contains(set.Notes, n => n.Contains("not adjusted", StringComparison.Ordinal));
        Assert.All(set.Places, p => Assert.Equal(LocalG.Classify(p.Statistic.Z, p.Statistic.PValue), p.Statistic.Class));
        Assert.Contains(set.Places, p => p.Statistic.Class is HotspotClass.Hot99);
        Assert.All(set.Places.Where(p => p.Statistic.Class == HotspotClass.Hot99), p => Assert.True(p.Statistic.Z > 2.5758, "99% two-sided needs |z| > 2.5758"));
    }

    [Fact]
    public async Task Hotspots_WithFalseDiscoveryRate_FlagNoMoreThanWithout()
    {
        var plain = await new Hotspots(fixture.Store).BuildAsync(Huntingdonshire, Quarter, StreetCategory.AllCrime, falseDiscoveryRate: false);
        var adjusted = await new Hotspots(fixture.Store).BuildAsync(Huntingdonshire, Quarter, StreetCategory.AllCrime, falseDiscoveryRate: true);

        Assert.True(adjusted.Places.Count(p => p.Statistic.Class != HotspotClass.NotSignificant) <= plain.Places.Count(p => p.Statistic.Class != HotspotClass.NotSignificant));
        Assert.Contains(adjusted.Notes, n => n.Contains("Benjamini–Hochberg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hotspots_WithoutLsoaBoundaries_SayWhatToImport()
    {
        var fenland = new Area("E07000010", "Fenland", AreaLevel.District, null);

        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new Hotspots(fixture.Store).BuildAsync(fenland, Quarter, StreetCategory.AllCrime, false));

        Assert.Contains("csa import boundaries", error.Message, StringComparison.Ordinal);
    }
}
