using Csa.Tests;
using MiniExcelLibs;

namespace Csa.Cli.Tests;

/// <summary>compare, years and recording through the program, on a store holding a SYNTHETIC extract made by csa synth.</summary>
public sealed class CompareCommandTests : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy)).ExitCode);
        var synth = await CsaProcess.RunAsync(_scratch, "synth", "extract", "--area", "Huntingdonshire", "--from", "2011-03", "--to", "2017-02", "--seed", "11", "--out", "synthetic");
        Assert.Equal(0, synth.ExitCode);
        Assert.Contains("SYNTHETIC crimes", synth.Output, StringComparison.Ordinal);
        var import = await CsaProcess.RunAsync(_scratch, "import", "extract", "synthetic/synthetic-extract.csv", "--mapping", "synthetic/synthetic-extract-mapping.json");
        Assert.Equal(0, import.ExitCode);
    }

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Compare_Xlsx_HoldsAppendixAWithThePeriodsInTheHeader()
    {
        var result = await CsaProcess.RunAsync(_scratch, "compare", "--area", "Huntingdonshire", "--period", "2015-01..2015-12", "--vs", "2016", "--xlsx", "a.xlsx", "--csv", "a.csv");

        Assert.Equal(0, result.ExitCode);
        var expected = File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "data", "seed", "appendix-a-huntingdonshire-2015-vs-2016.csv")).Skip(1)
            .Select(line => line.Split(',')).ToArray();
        var sheet = MiniExcel.Query(_scratch.File("a.xlsx"), useHeaderRow: true, sheetName: "Huntingdonshire").Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal(["Category", "2015-01..2015-12", "2016-01..2016-12", "Numeric change", "Apparent change", "p-value", "Rate ratio", "Rate ratio lower 95%", "Rate ratio upper 95%", "Significance"], sheet[0].Keys);
        Assert.Equal(expected.Length, sheet.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i][1], sheet[i]["Category"]);
            Assert.Equal(double.Parse(expected[i][2], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(sheet[i]["2015-01..2015-12"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(double.Parse(expected[i][3], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(sheet[i]["2016-01..2016-12"], System.Globalization.CultureInfo.InvariantCulture));
            // The apparent change is a number in the workbook ("+ 11.3%" on screen is 11.3; "No Calc" is empty).
            var shown = expected[i][5];
            var number = shown == "No Calc" ? (double?)null : double.Parse(shown.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(number, sheet[i]["Apparent change"] is null ? null : Convert.ToDouble(sheet[i]["Apparent change"], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.StartsWith("All Crime,7416,8257,841,11.3,", File.ReadLines(_scratch.File("a.csv")).ElementAt(1), StringComparison.Ordinal);
        Assert.Contains(",1.1134,", File.ReadLines(_scratch.File("a.csv")).ElementAt(1), StringComparison.Ordinal);
        Assert.EndsWith(",significant increase", File.ReadLines(_scratch.File("a.csv")).ElementAt(1), StringComparison.Ordinal);
        Assert.DoesNotContain("p-value", result.Output, StringComparison.Ordinal);
        Assert.Contains("[SYNTHETIC DATA]", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2015-13..2015-12", "2016", 1, "--period: '2015-13..2015-12' is not a period")]
    [InlineData("2016-12..2016-01", "2017", 1, "--period: The period '2016-12..2016-01' ends before it starts.")]
    [InlineData("FY2015/17", "2016", 1, "--period: 'FY2015/17' is not a financial year")]
    [InlineData("2015", "2018", 3, "Not held: no month of 2018-01..2018-12 (the later period) is held in the local police extract (SYNTHETIC). Months held run from 2011-03 to 2017-02.")]
    public async Task Compare_BadPeriod_SaysWhichAndWhy(string period, string vs, int exitCode, string message)
    {
        var result = await CsaProcess.RunAsync(_scratch, "compare", "--area", "Huntingdonshire", "--period", period, "--vs", vs);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("│ All Crime", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_Stats_ShowsTheSignificanceOnScreen()
    {
        var result = await CsaProcess.RunAsync(_scratch, "compare", "--area", "Huntingdonshire", "--period", "2015", "--vs", "2016", "--stats");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("p-value", result.Output, StringComparison.Ordinal);
        Assert.Contains("significant increase", result.Output, StringComparison.Ordinal);
        Assert.Contains("Significance treats the counts as a Poisson process", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msg_GroupWithoutTheArea_IsAClearError()
    {
        await File.WriteAllLinesAsync(_scratch.File("group.txt"), ["E22000013", "E22000014"]);

        var result = await CsaProcess.RunAsync(_scratch, "msg", "--area", "Huntingdonshire", "--category", "All Crime", "--tree", "seed", "--period", "2016", "--group", "group.txt");

        Assert.Equal(ExitCodes.BadQuery, result.ExitCode);
        Assert.Contains("The group does not contain Huntingdonshire (district E07000011)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSeries_WithAGap_ChangesNothingAndNamesTheMonth()
    {
        await File.WriteAllLinesAsync(_scratch.File("synthetic-ambulance.csv"), ["month,count", "2016-01,17", "2016-03,12"]);

        var result = await CsaProcess.RunAsync(_scratch, "import", "series", "synthetic-ambulance.csv", "--name", "Ambulance", "--area", "Huntingdonshire");
        var triangulate = await CsaProcess.RunAsync(_scratch, "triangulate", "--area", "Huntingdonshire", "--series", "Ambulance", "--category", "All Crime");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("the series has no count for 2016-02", result.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadQuery, triangulate.ExitCode);
        Assert.Contains("No partner series 'Ambulance' is held", triangulate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monthly_ReversedPeriod_IsAClearError()
    {
        var result = await CsaProcess.RunAsync(_scratch, "monthly", "--area", "Huntingdonshire", "--category", "All Crime", "--from", "2016-05", "--to", "2016-01");
        var good = await CsaProcess.RunAsync(_scratch, "monthly", "--area", "Huntingdonshire", "--category", "Violence without injury", "--from", "2015-01", "--to", "2016-12", "--csv", "m.csv");

        Assert.Equal(ExitCodes.BadQuery, result.ExitCode);
        Assert.Contains("The period 2016-05..2016-01 ends before it starts.", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, good.ExitCode);
        Assert.Equal(25, File.ReadAllLines(_scratch.File("m.csv")).Length);
        Assert.Contains("XmR chart", good.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Years_AndRecording_RunThroughTheProgram()
    {
        var years = await CsaProcess.RunAsync(_scratch, "years", "--area", "Huntingdonshire", "--category", "Violence without injury", "--from", "2013/14", "--to", "2015/16", "--json", "y.json");
        var recording = await CsaProcess.RunAsync(_scratch, "recording", "--area", "Huntingdonshire", "--category", "Violence without injury", "--period", "FY2013/14", "--vs", "FY2015/16");

        Assert.Equal(0, years.ExitCode);
        // Numbers as numbers in files; the screen shows the same change as the seed writes it.
        Assert.Contains("\"Violence without injury\": 94,", await File.ReadAllTextAsync(_scratch.File("y.json")), StringComparison.Ordinal);
        Assert.Contains("+ 94.0%", years.Output, StringComparison.Ordinal);
        Assert.Equal(0, recording.ExitCode);
        Assert.Contains("Share without support %", recording.Output, StringComparison.Ordinal);
    }
}
