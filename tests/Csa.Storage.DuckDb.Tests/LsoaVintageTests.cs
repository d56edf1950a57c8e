using Csa.Core;
using Csa.Core.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Tests;

namespace Csa.Storage.DuckDb.Tests;

/// <summary>data.police.uk moved from 2011 to 2021 LSOA codes in June 2023: both must reach their ward.</summary>
public class LsoaVintageTests
{
    [Fact]
    public async Task CountAsync_2021OnlyLsoaCode_ReachesTheWardOfThe2011LsoaItCameFrom()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportLookupsAsync(store, TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, TestPaths.LsoaVintages);

        // Synthetic file (made by this test): one crime in 2011 LSOA E01018181 and one in E01034444,
        // the 2021 LSOA that ONS's lookup makes from it (Huntingdonshire 021A → 021G).
        var file = scratch.File("2023-07-cambridgeshire-street.csv");
        await File.WriteAllLinesAsync(file,
        [
            StreetFileReader.Header,
            "a1,2023-07,Cambridgeshire Constabulary,Cambridgeshire Constabulary,-0.2,52.3,On or near Synthetic Street,E01018181,Huntingdonshire 021A,Burglary,,",
            "a2,2023-07,Cambridgeshire Constabulary,Cambridgeshire Constabulary,-0.2,52.3,On or near Synthetic Street,E01034444,Huntingdonshire 021G,Burglary,,",
        ]);
        await StoreTestKit.ImportAsync(store, file);
        var district = (await store.FindAreasAsync("E07000011")).Single();

        var counts = await store.CountAsync(new CountQuery(district, Period.Parse("2023-07"), CountGrouping.Ward));
        var quality = Assert.Single(await store.GetQualityAsync(null));

        var row = Assert.Single(counts);
        Assert.Equal(2, row.Count);
        Assert.Equal(1, quality.Lsoa2011);
        Assert.Equal(1, quality.Lsoa2021);
        Assert.Equal(0, quality.LsoaNotInLookup);
        Assert.Equal(AreaLevel.District, district.Level);
    }
}
