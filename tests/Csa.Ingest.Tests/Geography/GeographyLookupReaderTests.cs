using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Ingest.Geography;
using Csa.Tests;

namespace Csa.Ingest.Tests.Geography;

public class GeographyLookupReaderTests
{
    [Fact]
    public async Task ReadAsync_LsoaWardDistrict_ReadsEveryLsoa()
    {
        var (lookup, source) = await GeographyLookupReader.ReadAsync(TestPaths.LsoaWardDistrict);

        var wards = Assert.IsType<LsoaWardDistrictLookup>(lookup);
        Assert.Equal(34753, wards.Rows.Count);
        Assert.Equal("WD19/LAD19", wards.Vintage);
        Assert.Equal(105, wards.Rows.Count(r => r.DistrictCode == "E07000011"));
        Assert.Equal(64, source.Sha256.Length);
    }

    [Fact]
    public async Task ReadAsync_DistrictHierarchy_WarnsOfSplitDistricts()
    {
        var (lookup, _) = await GeographyLookupReader.ReadAsync(TestPaths.DistrictHierarchy);

        var districts = Assert.IsType<DistrictHierarchyLookup>(lookup);
        var huntingdonshire = Assert.Single(districts.Rows, r => r.DistrictCode == "E07000011");
        Assert.Equal("E22000016", huntingdonshire.PartnershipCode);
        Assert.Equal("E23000023", huntingdonshire.ForceAreaCode);
        Assert.Contains(districts.Warnings, w => w.StartsWith("E07000244 East Suffolk lies in 2 partnerships", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_LsoaVintages_WithByteOrderMark_Reads()
    {
        var (lookup, _) = await GeographyLookupReader.ReadAsync(TestPaths.LsoaVintages);

        var links = Assert.IsType<LsoaVintageLookup>(lookup);
        Assert.Contains(links.Rows, r => r.Lsoa11Code != r.Lsoa21Code);
    }

    [Fact]
    public async Task ReadAsync_UnknownColumns_SaysWhatItExpects()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var file = scratch.File("lookup.csv");
        await File.WriteAllTextAsync(file, "a,b\n1,2\n");

        var error = await Assert.ThrowsAsync<CsaImportException>(() => GeographyLookupReader.ReadAsync(file));

        Assert.Contains($"{file}:1: not an ONS lookup csa reads", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BadCodeAndRepeatedLsoa_NameTheirLines()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var file = scratch.File("lookup.csv");
        await File.WriteAllTextAsync(file, """
            LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM
            E01018236,Huntingdonshire 001A,E05011566,Ramsey,E07000011,Huntingdonshire
            E01018236,Huntingdonshire 001A,E05011566,Ramsey,E07000011,Huntingdonshire
            E01018237,Huntingdonshire 001B,X,Ramsey,E07000011,Huntingdonshire
            """);

        var error = await Assert.ThrowsAsync<CsaImportException>(() => GeographyLookupReader.ReadAsync(file));

        Assert.Equal(
            [$"{file}:3: LSOA11CD E01018236 is already on line 2", $"{file}:4: WD19CD 'X' is not an ONS code (a letter and eight digits)"],
            error.Issues.Select(i => i.ToString()));
    }
}
