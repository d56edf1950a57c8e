using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.Official;
using Csa.Ingest.Official;
using Csa.Tests;

namespace Csa.Ingest.Tests.Official;

/// <summary>The Home Office force-level tables in ../shared/data/prc (real; they must be there, as they are in CI), and
/// SYNTHETIC edits of a real row for the errors.</summary>
public class RecordedCrimeTableReaderTests
{

    static long ExcludingFraud(IEnumerable<RecordedCrimeRow> rows, int year, string? area = null) =>
        rows.Where(r => r.Year == new FinancialYear(year) && r.OffenceGroup != "Fraud offences" && (area is null || r.Area == area)).Sum(r => r.Count);

    [Fact]
    public async Task TheOctober2023Release_ReadsInFull_WithThePublishedTotals()
    {
        var (level, rows, _) = await RecordedCrimeTableReader.ReadAsync(TestPaths.SharedFile("prc", "prc-pfa-2012-13_to_2023-24q1.csv"));

        Assert.Equal(RecordedCrimeLevel.Force, level);
        Assert.Equal(258_905, rows.Count);
        Assert.Equal(5_581_608, ExcludingFraud(rows, 2022));
        Assert.Equal(5_516_196, ExcludingFraud(rows.Where(r => r.Area != "British Transport Police"), 2022));
        Assert.Equal(66_159, ExcludingFraud(rows, 2017, "Cambridgeshire"));
        Assert.Equal(152_020, ExcludingFraud(rows, 2017, "Northumbria"));
        Assert.Equal(426, rows.Count(r => r.Count < 0));
        Assert.Equal(47, rows.Select(r => r.Area).Distinct().Count());
        Assert.Equal([1], rows.Where(r => r.Year == new FinancialYear(2023)).Select(r => r.Quarter).Distinct());
    }

    [Fact]
    public async Task The2018Release_WithSpacesAroundCounts_AndTheFraudBodysOldName_Reads()
    {
        var (_, rows, _) = await RecordedCrimeTableReader.ReadAsync(TestPaths.SharedFile("prc", "prc-pfa-2017-18.csv"));

        Assert.Equal(23_068, rows.Count);
        Assert.Equal(15_534, rows.Where(r => r.Area == "Durham" && r.Quarter == 2).Sum(r => r.Count));
        Assert.Contains(rows, r => r.Area == "UK Finance");
        Assert.DoesNotContain(rows, r => r.Area == "Financial Fraud Action UK");
    }

    static string Fixture(string name) => Path.Combine(TestPaths.RepositoryRoot, "tests", "Csa.Ingest.Tests", "Official", "Fixtures", name);

    static IEnumerable<RecordedCrimeRow> WithoutLines(IEnumerable<RecordedCrimeRow> rows) => rows.Select(r => r with { Line = 0 });

    [Fact]
    public async Task TheOdsFixture_InThePublishedLayout_ReadsTheSameAsItsCsv()
    {
        var (csvLevel, csv, _) = await RecordedCrimeTableReader.ReadAsync(Fixture("prc-fixture.csv"));
        var (odsLevel, ods, source) = await RecordedCrimeTableReader.ReadAsync(Fixture("prc-fixture.ods"));

        Assert.Equal(2_160, csv.Count);
        Assert.Equal(csvLevel, odsLevel);
        Assert.Equal(WithoutLines(csv), WithoutLines(ods));
        Assert.Equal(3, ods[0].Line); // the sheet's title row, then its header
        Assert.Equal(64, source.Sha256.Length);
    }

    [Fact]
    public async Task AnXlsxWorkbook_ReadsTheSameAsTheCsv()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var (_, csv, _) = await RecordedCrimeTableReader.ReadAsync(Fixture("prc-fixture.csv"));
        var sheets = new Dictionary<string, object> { ["Notes"] = new[] { new Dictionary<string, object> { ["Notes"] = "SYNTHETIC workbook made from the test fixture" } } };
        foreach (var year in csv.Select(r => r.Year).Distinct())
        {
            var label = year.ToString();
            sheets[label.Replace('/', '_')] = csv.Where(r => r.Year == year).Select(r => new Dictionary<string, object>
            {
                ["Financial Year"] = label,
                ["Financial Quarter"] = r.Quarter,
                ["Force Name"] = r.Area,
                ["Offence Description"] = r.OffenceDescription,
                ["Offence Group"] = r.OffenceGroup,
                ["Offence Subgroup"] = r.OffenceSubgroup,
                ["Offence Code"] = r.OffenceCode,
                ["Number of Offences"] = r.Count,
            }).ToArray();
        }

        var xlsx = scratch.File("prc.xlsx");
        await MiniExcelLibs.MiniExcel.SaveAsAsync(xlsx, sheets);

        var (_, rows, _) = await RecordedCrimeTableReader.ReadAsync(xlsx);

        Assert.Equal(WithoutLines(csv), WithoutLines(rows));
    }

    [Fact]
    public async Task APartnershipTable_WithOffenceCount_IsReadAsPartnershipLevel()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var file = scratch.File("prc-csp.csv");
        await File.WriteAllTextAsync(file, "Financial Year,Financial Quarter,Force Name,CSP Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Offence Count\n2019/20,2,Cambridgeshire,Huntingdonshire,Criminal damage to a dwelling,Criminal damage and arson,Criminal damage,58A, 41 \n");

        var (level, rows, _) = await RecordedCrimeTableReader.ReadAsync(file);

        Assert.Equal(RecordedCrimeLevel.Partnership, level);
        Assert.Equal(new RecordedCrimeRow(new FinancialYear(2019), 2, "Huntingdonshire", "58A", "Criminal damage to a dwelling", "Criminal damage and arson", "Criminal damage", 41, 2), Assert.Single(rows));
    }

    [Fact]
    public async Task BadRows_AreAllReported_WithTheirLines()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var file = scratch.File("prc-bad.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Number of Offences",
            "2019/21,1,Durham,Arson,Criminal damage and arson,Arson,56,3",
            "2019/20,5,Durham,Arson,Criminal damage and arson,Arson,56,3",
            "2019/20,1,Durham,Arson,Criminal damage and arson,Arson,56,three",
            "2019/20,1,Durham,Arson,Criminal damage and arson,Arson,56,-2") + "\n");

        var error = await Assert.ThrowsAsync<CsaImportException>(() => RecordedCrimeTableReader.ReadAsync(file));

        Assert.Equal([2, 3, 4], error.Issues.Select(i => i.Line));
        Assert.Contains("'2019/21' is not a financial year", error.Issues[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'5' is not a quarter", error.Issues[1].Reason, StringComparison.Ordinal);
        Assert.Contains("'three' is not a count", error.Issues[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADamagedWorkbook_IsAnInputProblem_NamingTheFile()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var ods = scratch.File("damaged.ods");
        using (var zip = System.IO.Compression.ZipFile.Open(ods, System.IO.Compression.ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("content.xml").Open()))
        {
            await writer.WriteAsync("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><unclosed>");
        }

        var error = await Assert.ThrowsAsync<CsaImportException>(() => RecordedCrimeTableReader.ReadAsync(ods));

        Assert.Contains("not a readable ods workbook", Assert.Single(error.Issues).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithoutTheColumns_IsRefusedNamingThem()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var file = scratch.File("not-prc.csv");
        await File.WriteAllTextAsync(file, "Month,Count\n2019-07,3\n");

        var error = await Assert.ThrowsAsync<CsaImportException>(() => RecordedCrimeTableReader.ReadAsync(file));

        Assert.Contains("not a Home Office police recorded crime table", Assert.Single(error.Issues).Reason, StringComparison.Ordinal);
    }
}
