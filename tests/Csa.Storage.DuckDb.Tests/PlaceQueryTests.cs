using Csa.Core.Extract;
using Csa.Core.Geography;
using Csa.Core;
using Csa.Ingest.Extract;
using Csa.Ingest.Population;
using Csa.Tests;

namespace Csa.Storage.DuckDb.Tests;

/// <summary>The atlas's small-area queries: counts by LSOA, ward and LSOA populations, and extract crimes by
/// victim and offender age and sex; on the real sample (and one small hand-made synthetic extract).</summary>
public class PlaceQueryTests
{
    static readonly Period Quarter = Period.Parse("2019-07..2019-09");

    [Fact]
    public async Task CountAsync_ByLsoa_AddsUpToTheWards()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportLookupsAsync(store, TestPaths.LsoaWardDistrict);
        await StoreTestKit.ImportAsync(store, TestPaths.Cambridgeshire);
        var area = StoreTestKit.Huntingdonshire;

        var byLsoa = await store.CountAsync(new CountQuery(area, Quarter, CountGrouping.Lsoa));
        var byWard = await store.CountAsync(new CountQuery(area, Quarter, CountGrouping.Ward));
        var lsoas = await store.GetLsoasAsync(area);

        Assert.All(byLsoa, row => Assert.NotNull(row.LsoaCode));
        Assert.Equal(byWard.Where(r => !r.IsAntiSocialBehaviour).Sum(r => r.Count), byLsoa.Where(r => !r.IsAntiSocialBehaviour).Sum(r => r.Count));
        Assert.Subset(lsoas.Select(l => l.Code).ToHashSet(), byLsoa.Select(r => r.LsoaCode!).ToHashSet());
        Assert.Equal(105, lsoas.Count);
    }

    [Fact]
    public async Task GetPlacePopulationsAsync_WardsAndLsoas_AddUpToTheDistrict()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportLookupsAsync(store, TestPaths.LsoaWardDistrict);
        var (year, populations, source) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"), null);
        await store.ImportPopulationAsync(year, populations, source);
        var area = StoreTestKit.Huntingdonshire;

        var district = (await store.GetPopulationAsync(area))[2015];
        var wards = await store.GetPlacePopulationsAsync(area, PlaceLevel.Ward);
        var lsoas = await store.GetPlacePopulationsAsync(area, PlaceLevel.Lsoa);

        Assert.Equal(26, wards.Count);
        Assert.Equal(105, lsoas.Count); // grep E07000011 lsoa11-ward19-lad19.csv | cut -d, -f2 | sort -u | wc -l
        Assert.Equal(district, wards.Sum(w => w.Population), 6);
        Assert.Equal(district, lsoas.Sum(l => l.Population), 6);
        Assert.All(lsoas, l => Assert.Equal(2015, l.Year));
    }

    [Fact]
    public async Task CountExtractPeopleAsync_CountsVictimsAndOffendersByAgeAndSex_AndByMarker()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportLookupsAsync(store, TestPaths.LsoaWardDistrict);
        await File.WriteAllTextAsync(scratch.File("map.json"), """
            { "synthetic": true,
              "columns": { "crimeReference": "Ref", "recordedDate": "Date", "offenceCode": "HO", "lsoa": "LSOA",
                           "victimAge": "VA", "victimSex": "VS", "offenderAge": "OA", "offenderSex": "OS" },
              "markers": { "domestic-abuse": "DA" },
              "sexValues": { "F": "female", "M": "male", "U": "unknown", "": "unknown" } }
            """);
        await File.WriteAllLinesAsync(scratch.File("synthetic.csv"),
        [
            "Ref,Date,HO,LSOA,VA,VS,OA,OS,DA",
            "S1,2016-01-05,8N,E01018181,34,F,36,M,Y",
            "S2,2016-01-09,105A,E01018181,34,F,,U,N",
            "S3,2016-02-01,105A,E01018181,19,M,22,M,N",
            "S4,2017-02-01,105A,E01018181,50,M,50,M,N",
        ]);
        await new ExtractImporter(store).ImportAsync(scratch.File("synthetic.csv"), scratch.File("map.json"));

        var all = await store.CountExtractPeopleAsync(StoreTestKit.Huntingdonshire, Period.Parse("2016"), null);
        var domestic = await store.CountExtractPeopleAsync(StoreTestKit.Huntingdonshire, Period.Parse("2016"), "domestic-abuse");

        Assert.Equal(
            [
                new ExtractPersonCount(PersonRole.Victim, 19, Sex.Male, 1),
                new ExtractPersonCount(PersonRole.Victim, 34, Sex.Female, 2),
                new ExtractPersonCount(PersonRole.Offender, 22, Sex.Male, 1),
                new ExtractPersonCount(PersonRole.Offender, 36, Sex.Male, 1),
                new ExtractPersonCount(PersonRole.Offender, null, Sex.Unknown, 1),
            ],
            all.OrderBy(r => r.Role).ThenBy(r => r.Age ?? int.MaxValue));
        Assert.Equal([new ExtractPersonCount(PersonRole.Victim, 34, Sex.Female, 1), new ExtractPersonCount(PersonRole.Offender, 36, Sex.Male, 1)], domestic.OrderBy(r => r.Role));
    }
}
