using System.Text;
using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Ingest.PoliceUk;
using Csa.Tests;

namespace Csa.Ingest.Tests.PoliceUk;

/// <summary>Street file validation. Bad inputs are synthetic edits of a real data.police.uk row.</summary>
public class StreetFileReaderTests
{
    const string File = "2019-07-cambridgeshire-street.csv";

    /// <summary>A real row of the bundled 2019-07 Cambridgeshire street file.</summary>
    const string RealRow = "ffcca9d74b5790a35d2b3a99cdba56b627cc7a5f31ef02ad919a83604acba0bc,2019-07,Cambridgeshire Constabulary,Cambridgeshire Constabulary,-3.216270,54.115440,On or near Lorne Road,E01019174,Barrow-in-Furness 007E,Violence and sexual offences,Unable to prosecute suspect,";

    static readonly Month July = new(2019, 7);

    static (List<StreetRecord> Records, List<ImportIssue> Issues) Read(string text)
    {
        var records = new List<StreetRecord>();
        var issues = new List<ImportIssue>();
        StreetFileReader.Read(text, File, July, records.Add, issues);
        return (records, issues);
    }

    static string FileWith(params string[] rows) => StreetFileReader.Header + "\n" + string.Join("\n", rows) + "\n";

    [Fact]
    public void Read_AQuoteNeverClosed_MakesTheRestOneOverlongRow_NamedByItsFirstLine()
    {
        var manyShortLines = string.Join("\n", Enumerable.Repeat(RealRow, 6000));
        var text = FileWith(RealRow, RealRow.Replace("On or near Lorne Road", "\"On or near Lorne Road", StringComparison.Ordinal), manyShortLines);

        var (_, issues) = Read(text);

        var issue = Assert.Single(issues);
        Assert.Equal(3, issue.Line);
        Assert.Contains("longer than 1,048,576 characters (a quote opened in it is never closed)", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedLineBreaks_AreOneRowAndWithinTheLimit()
    {
        var (records, issues) = Read(FileWith(RealRow.Replace("On or near Lorne Road", "\"On or near\nLorne Road\"", StringComparison.Ordinal), RealRow));

        Assert.Empty(issues);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void Read_RealFile_ReadsEveryRowWithNoIssue()
    {
        var text = System.IO.File.ReadAllText(Path.Combine(TestPaths.Cambridgeshire, "2019-07", File));
        var (records, issues) = Read(text);

        Assert.Empty(issues);
        Assert.Equal(7546, records.Count);
        Assert.All(records, r => Assert.Equal(July, r.Month));
        Assert.Equal(2, records[0].Line);
        Assert.Contains(records, r => r.CrimeType == PoliceUkCrimeTypes.AntiSocialBehaviour && r.CrimeId is null);
        Assert.Contains(records, r => r.Longitude is null && r.Latitude is null && r.Location == "No Location");
    }

    [Fact]
    public void Read_ValidRow_KeepsEveryField()
    {
        var record = Assert.Single(Read(FileWith(RealRow)).Records);

        Assert.Equal("ffcca9d74b5790a35d2b3a99cdba56b627cc7a5f31ef02ad919a83604acba0bc", record.CrimeId);
        Assert.Equal(-3.21627, record.Longitude);
        Assert.Equal(54.11544, record.Latitude);
        Assert.Equal("E01019174", record.LsoaCode);
        Assert.Equal("Violence and sexual offences", record.CrimeType);
        Assert.Equal("Unable to prosecute suspect", record.LastOutcomeCategory);
        Assert.Null(record.Context);
    }

    [Fact]
    public void Read_QuotedLocationWithComma_IsOneField()
    {
        var row = RealRow.Replace("On or near Lorne Road", "\"On or near Lorne Road, Barrow\"", StringComparison.Ordinal);

        Assert.Equal("On or near Lorne Road, Barrow", Assert.Single(Read(FileWith(row)).Records).Location);
    }

    [Fact]
    public void Read_WrongHeader_IsLine1AndNamesBothHeaders()
    {
        var text = StreetFileReader.Header.Replace("Crime type", "Crime Type", StringComparison.Ordinal) + "\n" + RealRow + "\n";

        var issue = Assert.Single(Read(text).Issues);

        Assert.Equal($"{File}:1: the header is not data.police.uk's: expected '{StreetFileReader.Header}' but found '{text.Split('\n')[0]}'", issue.ToString());
    }

    [Fact]
    public void Read_MonthMismatch_NamesLineAndBothMonths()
    {
        var issue = Assert.Single(Read(FileWith(RealRow, RealRow.Replace(",2019-07,", ",2019-08,", StringComparison.Ordinal))).Issues);

        Assert.Equal($"{File}:3: Month is 2019-08 but the file name says 2019-07", issue.ToString());
    }

    [Fact]
    public void Read_UnknownCrimeType_IsRefused()
    {
        var issue = Assert.Single(Read(FileWith(RealRow.Replace("Violence and sexual offences", "Violent crime", StringComparison.Ordinal))).Issues);

        Assert.Equal($"{File}:2: Crime type 'Violent crime' is not one of data.police.uk's 14 crime types", issue.ToString());
    }

    [Theory]
    [InlineData("-3.216270,154.115440", "Latitude '154.115440' is not a number from -90 to 90")]
    [InlineData("-193.216270,54.115440", "Longitude '-193.216270' is not a number from -180 to 180")]
    [InlineData("west,54.115440", "Longitude 'west' is not a number from -180 to 180")]
    [InlineData(",54.115440", "Latitude is given without a Longitude (give both, or neither for no location)")]
    public void Read_BadCoordinates_AreRefused(string coordinates, string reason)
    {
        var row = RealRow.Replace("-3.216270,54.115440", coordinates, StringComparison.Ordinal);

        Assert.Equal($"{File}:2: {reason}", Assert.Single(Read(FileWith(row)).Issues).ToString());
    }

    [Fact]
    public void Read_NoLocation_IsKept()
    {
        var row = RealRow.Replace("-3.216270,54.115440,On or near Lorne Road,E01019174,Barrow-in-Furness 007E", ",,No location,,", StringComparison.Ordinal);

        var record = Assert.Single(Read(FileWith(row)).Records);

        Assert.Null(record.Longitude);
        Assert.Null(record.LsoaCode);
    }

    [Fact]
    public void Read_BadLsoaCode_IsRefused()
    {
        var issue = Assert.Single(Read(FileWith(RealRow.Replace("E01019174", "E0101917X", StringComparison.Ordinal))).Issues);

        Assert.Equal($"{File}:2: LSOA code 'E0101917X' is not an LSOA code (E01 or W01 and six digits)", issue.ToString());
    }

    [Fact]
    public void Read_TruncatedLastRow_IsRefusedWithItsLine()
    {
        var text = StreetFileReader.Header + "\n" + RealRow + "\n" + RealRow[..100];

        var issue = Assert.Single(Read(text).Issues);

        Assert.Equal($"{File}:3: truncated row: 3 fields where the header has 12", issue.ToString());
    }

    [Fact]
    public void Read_EmptyFile_SaysSo()
    {
        Assert.Equal($"{File}: the file is empty: it has no header line", Assert.Single(Read(string.Empty).Issues).ToString());
    }

    [Fact]
    public void Read_SeveralProblemsInOneRow_ReportsEach()
    {
        var row = RealRow.Replace(",2019-07,", ",2019-08,", StringComparison.Ordinal).Replace("Violence and sexual offences", "Violent crime", StringComparison.Ordinal);

        var issues = Read(FileWith(row)).Issues;

        Assert.Equal(2, issues.Count);
        Assert.All(issues, issue => Assert.Equal(2, issue.Line));
    }

    [Fact]
    public void Decode_NotUtf8_NamesTheLine()
    {
        var bytes = Encoding.Latin1.GetBytes(FileWith(RealRow, RealRow.Replace("Lorne Road", "Lörne Road", StringComparison.Ordinal)));
        var issues = new List<ImportIssue>();

        var text = Internal.TextFile.Decode(bytes, File, issues);

        Assert.Null(text);
        var issue = Assert.Single(issues);
        Assert.Equal(3, issue.Line);
        Assert.StartsWith("the file is not UTF-8 text (invalid byte 0xF6", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ByteOrderMark_IsDropped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(FileWith(RealRow))).ToArray();

        var text = Internal.TextFile.Decode(bytes, File, []);

        Assert.StartsWith("Crime ID,", text, StringComparison.Ordinal);
    }
}
