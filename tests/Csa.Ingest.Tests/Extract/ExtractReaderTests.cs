using Csa.Core.Classification;
using Csa.Core.Extract;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Ingest.Extract;

namespace Csa.Ingest.Tests.Extract;

/// <summary>Extract validation on small hand-made (synthetic) extracts.</summary>
public class ExtractReaderTests
{
    const string File = "synthetic-test-extract.csv";

    static readonly ExtractMapping Mapping = new()
    {
        Columns = new ExtractColumns
        {
            CrimeReference = "Ref",
            RecordedDate = "Date",
            OffenceCode = "HO",
            Lsoa = "LSOA",
            Ward = "Ward",
            VictimAge = "VAge",
            VictimSex = "VSex",
            VictimSupportsRecording = "Support",
        },
        Markers = new Dictionary<string, string> { [Markers.DomesticAbuse] = "DA" },
    };

    static readonly PlaceLookup Places = new(
        new Dictionary<string, (string, string)> { ["E01018181"] = ("E05011270", "E07000011") },
        new Dictionary<string, string> { ["E05011270"] = "E07000011" });

    const string Header = "Ref,Date,HO,LSOA,Ward,VAge,VSex,Support,DA";

    static (IReadOnlyList<ExtractCrime> Crimes, List<ImportIssue> Issues) Read(params string[] rows)
    {
        var issues = new List<ImportIssue>();
        var crimes = ExtractReader.Read(string.Join('\n', rows) + "\n", File, Mapping, Places, issues);
        return (crimes, issues);
    }

    [Fact]
    public void Read_ValidRows_PlacesAndMarksEachCrime()
    {
        var (crimes, issues) = Read(Header, "C1,2016-03-31,4/4,E01018181,,34,F,N,Y", "C2,2016-04-01,105A,,E05011270,,M,Y,N");

        Assert.Empty(issues);
        Assert.Equal(2, crimes.Count);
        Assert.Equal("4.4", crimes[0].OffenceCode);
        Assert.Equal("E05011270", crimes[0].WardCode);
        Assert.Equal("E07000011", crimes[1].DistrictCode);
        Assert.Equal([Markers.DomesticAbuse], crimes[0].Markers);
        Assert.Empty(crimes[1].Markers);
        Assert.Equal(Sex.Female, crimes[0].VictimSex);
        Assert.False(crimes[0].VictimSupportsRecording);
        Assert.Null(crimes[1].VictimAge);
    }

    [Fact]
    public void Read_MissingColumn_NamesTheMappingKeyAndTheFilesColumns()
    {
        var issue = Assert.Single(Read("Ref,Date,HO,LSOA,Ward,VAge,VSex,Support", "C1,2016-03-31,8N,E01018181,,34,F,N").Issues);

        Assert.Equal($"{File}:1: the mapping's markers.domestic-abuse is 'DA', but the file has no such column (its columns: Ref, Date, HO, LSOA, Ward, VAge, VSex, Support)", issue.ToString());
    }

    [Fact]
    public void Read_UnknownOffenceCode_NamesTheLine()
    {
        var issue = Assert.Single(Read(Header, "C1,2016-03-31,8X,E01018181,,34,F,N,Y").Issues);

        Assert.Equal($"{File}:2: HO '8X' is not a Home Office offence code csa knows ({OffenceCodes.Edition})", issue.ToString());
    }

    [Fact]
    public void Read_UnknownMarkerValue_NamesTheLineAndTheValuesAllowed()
    {
        var issue = Assert.Single(Read(Header, "C1,2016-03-31,8N,E01018181,,34,F,N,Maybe").Issues);

        Assert.Equal($"{File}:2: DA 'Maybe' is not a value the mapping lists in yesNoValues ('Y', 'N', '')", issue.ToString());
    }

    [Fact]
    public void Read_RepeatedReferenceBadDateUnknownLsoaAndAge_AreEachReported()
    {
        var issues = Read(Header, "C1,2016-03-31,8N,E01018181,,34,F,N,Y", "C1,31/13/2016,8N,E01099999,,134,F,N,Y").Issues;

        Assert.Equal(
            [
                "crime reference C1 is already on line 2",
                "Date '31/13/2016' is not a date in the mapping's formats (yyyy-MM-dd, dd/MM/yyyy)",
                "LSOA E01099999 is in no held lookup: import the ONS lookup first (csa import geography FILE)",
                "VAge '134' is not an age (a whole number from 0 to 120)",
            ],
            issues.Select(i => i.Reason));
        Assert.All(issues, i => Assert.Equal(3, i.Line));
    }
}
