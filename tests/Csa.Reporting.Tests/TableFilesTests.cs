using System.Text.Json;
using Csa.Analysis;
using Csa.Tests;
using MiniExcelLibs;

namespace Csa.Reporting.Tests;

public class TableFilesTests
{
    static readonly ResultTable Table = ResultTable.Create(
        "Synthetic test table",
        ["Month", "Crimes", "Anti-social behaviour", "Share %", "Note"],
        [
            ["2019-07", 897L, 245L, 12.5, null],
            ["2022-01", null, null, null, "no data held (gap)"],
            ["Total, all", 1234567L, 0L, 0.25, "a \"quoted\" note, with a comma"],
        ],
        ["Data gap: synthetic."]);

    [Fact]
    public void WriteCsv_WritesTheSameCells()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("t.csv");

        TableFiles.WriteCsv(Table, path);

        Assert.Equal(
            [
                "Month,Crimes,Anti-social behaviour,Share %,Note",
                "2019-07,897,245,12.5,",
                "2022-01,,,,no data held (gap)",
                "\"Total, all\",1234567,0,0.25,\"a \"\"quoted\"\" note, with a comma\"",
            ],
            File.ReadAllLines(path));
    }

    [Fact]
    public void WriteCsv_NeutralisesTextThatASpreadsheetWouldRunAsAFormula_AndLeavesNumbersAlone()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("hostile.csv");
        var table = ResultTable.Create(
            "SYNTHETIC hostile names",
            ["Area", "Crimes", "Apparent change"],
            [
                ["=HYPERLINK(\"http://x\",\"click\")", -3L, FormattedNumber.PercentChange(10, 7)],
                ["+1+1", 2L, null],
                ["-2+3", 0L, null],
                ["@SUM(A1)", 5L, null],
                ["\tTabbed", 1L, null],
                ["Huntingdonshire", 4L, FormattedNumber.PercentChange(4, 5)],
            ],
            []);

        TableFiles.WriteCsv(table, path);

        Assert.Equal(
            [
                "Area,Crimes,Apparent change",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",-3,-30",
                "'+1+1,2,",
                "'-2+3,0,",
                "'@SUM(A1),5,",
                "'\tTabbed,1,",
                "Huntingdonshire,4,25",
            ],
            File.ReadAllLines(path));
    }

    [Fact]
    public void WriteJson_WritesAnArrayOfObjectsKeyedByColumn()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("t.json");

        TableFiles.WriteJson(Table, path);

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Equal(Table.Columns, rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(897, rows[0].GetProperty("Crimes").GetInt64());
        Assert.Equal(12.5, rows[0].GetProperty("Share %").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("Crimes").ValueKind);
        Assert.Equal("a \"quoted\" note, with a comma", rows[2].GetProperty("Note").GetString());
    }

    [Fact]
    public void WriteXlsx_WritesTheTableAndItsNotes()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("t.xlsx");

        TableFiles.WriteXlsx(Table, path);

        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Table").Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Equal(Table.Columns, rows[0].Keys);
        Assert.Equal(897.0, Convert.ToDouble(rows[0]["Crimes"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(rows[1]["Crimes"]);
        Assert.Equal("Total, all", rows[2]["Month"]);
        var notes = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Notes").Cast<IDictionary<string, object?>>().Select(r => r["Notes"]).ToArray();
        Assert.Equal(["Synthetic test table", "Data gap: synthetic."], notes);
    }

    [Fact]
    public void WriteCsv_FolderMissing_LeavesNoFileAndThrows()
    {
        using var scratch = TestPaths.NewScratchFolder();

        Assert.ThrowsAny<IOException>(() => TableFiles.WriteCsv(Table, scratch.File("no/such/t.csv")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }
}
