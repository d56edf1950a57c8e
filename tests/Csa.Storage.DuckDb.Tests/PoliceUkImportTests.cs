using System.IO.Compression;
using System.Text;
using Csa.Core.Importing;
using Csa.Tests;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb.Tests;

/// <summary>Imports into a real DuckDB file. Bad inputs are synthetic edits of the bundled real files.</summary>
public class PoliceUkImportTests
{
    const string AugustStreet = "2019-08/2019-08-cambridgeshire-street.csv";

    public static TheoryData<string, Func<byte[], byte[]>, string> BadFiles => new()
    {
        { "wrong header", bytes => Edit(bytes, lines => lines[0] = lines[0].Replace("LSOA code", "LSOA", StringComparison.Ordinal)), ":1: the header is not data.police.uk's" },
        { "month mismatch", bytes => Edit(bytes, lines => lines[9] = lines[9].Replace(",2019-08,", ",2019-09,", StringComparison.Ordinal)), ":10: Month is 2019-09 but the file name says 2019-08" },
        { "unknown crime type", bytes => Edit(bytes, lines => lines[4] = ReplaceField(lines[4], 9, "Assault")), ":5: Crime type 'Assault' is not one of data.police.uk's 14 crime types" },
        { "bad coordinates", bytes => Edit(bytes, lines => lines[6] = ReplaceField(lines[6], 5, "95.1")), ":7: Latitude '95.1' is not a number from -90 to 90" },
        { "truncated row", bytes => bytes[..^40], ":7364: truncated row: 10 fields where the header has 12" },
        { "empty file", _ => [], ": the file is empty: it has no header line" },
        { "header and no rows", bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Split('\n')[0] + "\n"), ":1: the street file has a header and no rows: csa refuses it rather than hold a month of no crime" },
        { "not UTF-8", bytes => [.. bytes[..500], 0xE9, .. bytes[500..]], ":3: the file is not UTF-8 text (invalid byte 0xE9 at offset 500)" },
        { "no Reported by", bytes => Edit(bytes, lines => lines[11] = ReplaceField(lines[11], 2, string.Empty)), ":12: Reported by is empty" },
        { "no Falls within", bytes => Edit(bytes, lines => lines[12] = ReplaceField(lines[12], 3, string.Empty)), ":13: Falls within is empty" },
        { "no Location", bytes => Edit(bytes, lines => lines[13] = ReplaceField(lines[13], 6, string.Empty)), ":14: Location is empty" },
        { "bad LSOA code", bytes => Edit(bytes, lines => lines[14] = ReplaceField(lines[14], 7, "E0102795")), ":15: LSOA code 'E0102795' is not an LSOA code (E01 or W01 and six digits)" },
        { "an unquoted comma", bytes => Edit(bytes, lines => lines[15] = ReplaceField(lines[15], 6, "On or near High Street, Ramsey")), ":16: 13 fields where the header has 12 (an unquoted comma?)" },
        { "longitude without latitude", bytes => Edit(bytes, lines => lines[17] = ReplaceField(lines[17], 5, string.Empty)), ":18: Longitude is given without a Latitude (give both, or neither for no location)" },
        { "bad month", bytes => Edit(bytes, lines => lines[16] = ReplaceField(lines[16], 1, "Aug 2019")), ":17: Month 'Aug 2019' is not a month written as YYYY-MM" },
    };

    /// <summary>The one-pass import writes each valid file as it reads it (July's went to the store before August's bad row
    /// was read): a bad row in a zip entry still names the entry and line, and the whole import is rolled back.</summary>
    [Fact]
    public async Task ImportAsync_BadRowInAZipAfterGoodFiles_RollsBackWhatWasWritten()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportLookupsAsync(store, TestPaths.LsoaWardDistrict);
        var before = await StoreTestKit.SnapshotAsync(store);
        var zip = scratch.File("cambridgeshire.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var month in new[] { "2019-07", "2019-08" })
            {
                var name = $"{month}/{month}-cambridgeshire-street.csv";
                var bytes = await File.ReadAllBytesAsync(Path.Combine(TestPaths.Cambridgeshire, name));
                if (month == "2019-08")
                {
                    bytes = Edit(bytes, lines => lines[7000] = ReplaceField(lines[7000], 9, "Assault"));
                }

                await using var entry = await archive.CreateEntry(name).OpenAsync();
                await entry.WriteAsync(bytes);
            }
        }

        var error = await Assert.ThrowsAsync<CsaImportException>(() => StoreTestKit.ImportAsync(store, zip));

        var issue = Assert.Single(error.Issues);
        Assert.Equal($"{zip}!2019-08/2019-08-cambridgeshire-street.csv", issue.File);
        Assert.Equal(7001, issue.Line);
        Assert.Equal("Crime type 'Assault' is not one of data.police.uk's 14 crime types", issue.Reason);
        Assert.Equal(before, await StoreTestKit.SnapshotAsync(store));
        Assert.Equal(0, (await store.GetTableCountsAsync())["street_record"]);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ImportAsync_BadFile_ChangesNothingAndNamesTheProblem(string what, Func<byte[], byte[]> damage, string expected)
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportLookupsAsync(store, TestPaths.LsoaWardDistrict);
        await StoreTestKit.ImportAsync(store, TestPaths.Cambridgeshire);
        var before = await StoreTestKit.SnapshotAsync(store);
        var folder = StoreTestKit.CopyCambridgeshire(scratch);
        var bad = Path.Combine(folder, AugustStreet);
        await File.WriteAllBytesAsync(bad, damage(await File.ReadAllBytesAsync(bad)));

        var error = await Assert.ThrowsAsync<CsaImportException>(() => StoreTestKit.ImportAsync(store, folder));

        Assert.True(error.Issues.Count > 0, what);
        Assert.All(error.Issues, issue => Assert.Equal(bad, issue.File));
        Assert.Contains(bad + expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Nothing was imported", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StoreTestKit.SnapshotAsync(store));
    }

    [Fact]
    public async Task ImportAsync_ZipWithNoStreetFile_ChangesNothing()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportAsync(store, TestPaths.Cambridgeshire);
        var before = await StoreTestKit.SnapshotAsync(store);
        var zip = scratch.File("no-street.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Path.Combine(TestPaths.Cambridgeshire, "2019-07", "2019-07-cambridgeshire-stop-and-search.csv"), "2019-07/2019-07-cambridgeshire-stop-and-search.csv");
        }

        var error = await Assert.ThrowsAsync<CsaImportException>(() => StoreTestKit.ImportAsync(store, zip));

        Assert.Contains($"{zip}: the zip holds no data.police.uk street file", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StoreTestKit.SnapshotAsync(store));
    }

    [Fact]
    public async Task ImportAsync_ManyBadRows_ListsTwentyThenCounts()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        var folder = StoreTestKit.CopyCambridgeshire(scratch);
        var bad = Path.Combine(folder, AugustStreet);
        await File.WriteAllBytesAsync(bad, Edit(await File.ReadAllBytesAsync(bad), lines =>
        {
            for (var i = 1; i <= 30; i++)
            {
                lines[i] = ReplaceField(lines[i], 9, "Assault");
            }
        }));

        var error = await Assert.ThrowsAsync<CsaImportException>(() => StoreTestKit.ImportAsync(store, folder));

        Assert.Equal(30, error.Issues.Count);
        Assert.Contains("… and 10 more problems.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await store.GetTableCountsAsync())["street_record"]);
    }

    [Fact]
    public async Task ImportAsync_SameFilesTwice_ChangesNoCountAndSaysReplaced()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportLookupsAsync(store, TestPaths.LsoaWardDistrict);
        var first = await StoreTestKit.ImportAsync(store, TestPaths.Cambridgeshire);
        var before = await StoreTestKit.SnapshotAsync(store);

        var second = await StoreTestKit.ImportAsync(store, TestPaths.Cambridgeshire);

        Assert.Empty(first.Replaced);
        Assert.Equal(6, second.Replaced.Count);
        Assert.All(second.Replaced, r => Assert.True(r.Identical));
        Assert.Equal(before, await StoreTestKit.SnapshotAsync(store));
        Assert.Equal(22147, first.Crimes + first.AntiSocialBehaviour);
        Assert.Equal(3, first.StopAndSearchSkipped);
    }

    [Fact]
    public async Task ImportAsync_RepublishedMonth_ReplacesOnlyThatMonth()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        await StoreTestKit.ImportAsync(store, TestPaths.Cambridgeshire);
        var republished = scratch.File("2019-08-cambridgeshire-street.csv");
        var lines = await File.ReadAllLinesAsync(Path.Combine(TestPaths.Cambridgeshire, AugustStreet));
        await File.WriteAllLinesAsync(republished, lines[..1001]);

        var result = await StoreTestKit.ImportAsync(store, republished);

        var replaced = Assert.Single(result.Replaced);
        Assert.False(replaced.Identical);
        Assert.Equal("2019-08", replaced.Month.ToString());
        Assert.Equal(7546 + 1000 + 7238, (await store.GetTableCountsAsync())["street_record"]);
    }

    [Fact]
    public async Task ImportAsync_SameMonthGivenTwice_IsRefused()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        var single = Path.Combine(TestPaths.Cambridgeshire, "2019-07", "2019-07-cambridgeshire-street.csv");

        var error = await Assert.ThrowsAsync<CsaImportException>(() => StoreTestKit.ImportAsync(store, TestPaths.Cambridgeshire, single));

        Assert.Contains("cambridgeshire street for 2019-07 is also given as", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ZipAndFolderLayouts_HoldTheSameData()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var zip = scratch.File("2019-09.zip");
        ZipFile.CreateFromDirectory(TestPaths.Cambridgeshire, zip);
        await using var fromFolder = await StoreTestKit.OpenAsync(scratch, "folder.duckdb");
        await using var fromZip = await StoreTestKit.OpenAsync(scratch, "zip.duckdb");
        await StoreTestKit.ImportLookupsAsync(fromFolder, TestPaths.LsoaWardDistrict);
        await StoreTestKit.ImportLookupsAsync(fromZip, TestPaths.LsoaWardDistrict);

        await StoreTestKit.ImportAsync(fromFolder, TestPaths.Cambridgeshire);
        await StoreTestKit.ImportAsync(fromZip, zip);

        var folderCounts = await fromFolder.GetTableCountsAsync();
        Assert.Equal(folderCounts, await fromZip.GetTableCountsAsync());
        Assert.Equal(22147, folderCounts["street_record"]);
        var hunts = new CountQuery(StoreTestKit.Huntingdonshire, Core.Period.Parse("2019-07..2019-09"), CountGrouping.Month);
        Assert.Equal(await fromFolder.CountAsync(hunts), await fromZip.CountAsync(hunts));
    }

    [Fact]
    public async Task ImportAsync_Outcomes_UpdateTheLatestOutcomeOfTheirCrimes()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("store.duckdb");
        await using (var store = await DuckDbStore.OpenAsync(path, StoreTestKit.Clock))
        {
            var result = await StoreTestKit.ImportAsync(store, TestPaths.Cambridgeshire);
            Assert.Equal(3, result.OutcomesFiles);
        }

        // A crime of July whose outcome was reached in September (from the real files): the latest outcome is September's.
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM crime_latest_outcome l
            JOIN outcome_event o ON o.crime_id = l.crime_id AND o.month = DATE '2019-09-01'
            WHERE l.month = DATE '2019-07-01' AND l.outcome_month = DATE '2019-09-01' AND l.latest_outcome = o.outcome_type
            """;
        Assert.True(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        command.CommandText = "SELECT count(*) FROM crime_latest_outcome";
        Assert.Equal(22147 - CountAsb(), Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ImportAsync_AwkwardPathAndByteOrderMark_LoadExactlyTheValidatedRows()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        var folder = scratch.File("it's [a] {b} folder*");
        Directory.CreateDirectory(folder);
        var july = await File.ReadAllBytesAsync(Path.Combine(TestPaths.Cambridgeshire, "2019-07", "2019-07-cambridgeshire-street.csv"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "2019-07-cambridgeshire-street.csv"), july);
        await File.WriteAllBytesAsync(Path.Combine(folder, "2019-08-cambridgeshire-street.csv"), [.. Encoding.UTF8.GetPreamble(), .. await File.ReadAllBytesAsync(Path.Combine(TestPaths.Cambridgeshire, AugustStreet))]);

        await StoreTestKit.ImportAsync(store, folder);

        Assert.Equal(7546 + 7363, (await store.GetTableCountsAsync())["street_record"]);
    }

    static long CountAsb() => Directory.EnumerateFiles(TestPaths.Cambridgeshire, "*-street.csv", SearchOption.AllDirectories)
        .Sum(file => File.ReadLines(file).Count(line => line.Contains(",Anti-social behaviour,", StringComparison.Ordinal)));

    static byte[] Edit(byte[] bytes, Action<string[]> edit)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        edit(lines);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>Replaces a field of a line that has no quoted commas before it.</summary>
    static string ReplaceField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }
}
