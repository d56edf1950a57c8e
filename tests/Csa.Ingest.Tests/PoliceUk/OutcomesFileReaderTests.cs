using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Ingest.PoliceUk;
using Csa.Tests;

namespace Csa.Ingest.Tests.PoliceUk;

public class OutcomesFileReaderTests
{
    [Fact]
    public void Read_RealFile_ReadsEveryRow()
    {
        const string file = "2019-07-cambridgeshire-outcomes.csv";
        var text = File.ReadAllText(Path.Combine(TestPaths.Cambridgeshire, "2019-07", file));
        var records = new List<OutcomeRecord>();
        var issues = new List<ImportIssue>();

        var rows = OutcomesFileReader.Read(text, file, new Month(2019, 7), records.Add, issues);

        Assert.Empty(issues);
        Assert.Equal(rows, records.Count);
        Assert.Equal(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, rows);
        Assert.All(records, r => Assert.Equal(64, r.CrimeId.Length));
    }

    [Fact]
    public void Read_MissingOutcomeType_IsRefused()
    {
        var text = OutcomesFileReader.Header + "\nabc,2019-07,Cambridgeshire Constabulary,Cambridgeshire Constabulary,,,No location,,,\n";
        var issues = new List<ImportIssue>();

        OutcomesFileReader.Read(text, "o.csv", new Month(2019, 7), _ => { }, issues);

        Assert.Equal("o.csv:2: Outcome type is empty", Assert.Single(issues).ToString());
    }
}
