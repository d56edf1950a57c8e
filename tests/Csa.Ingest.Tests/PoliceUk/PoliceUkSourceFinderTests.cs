using System.IO.Compression;
using Csa.Core.PoliceUk;
using Csa.Ingest.Archives;
using Csa.Ingest.PoliceUk;
using Csa.Tests;

namespace Csa.Ingest.Tests.PoliceUk;

public class PoliceUkSourceFinderTests
{
    [Fact]
    public void Find_Folder_FindsEveryMonthRecursively()
    {
        var (sources, issues, ignored) = PoliceUkSourceFinder.Find([TestPaths.Cambridgeshire], ArchiveLimits.Default);

        Assert.Empty(issues);
        Assert.Equal(0, ignored);
        Assert.Equal(9, sources.Count);
        Assert.Equal(3, sources.Count(s => s.Name.Kind == PoliceUkFileKind.Street));
    }

    [Fact]
    public void Find_Zip_FindsEntriesInArchiveLayout()
    {
        var (sources, issues, _) = PoliceUkSourceFinder.Find([TestPaths.NorthumbriaZip], ArchiveLimits.Default);

        Assert.Empty(issues);
        Assert.Equal(33, sources.Count);
        Assert.All(sources, s => Assert.Contains(".zip!20", s.DisplayName, StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.Name.Month == new Core.Month(2022, 1));
    }

    [Fact]
    public void Find_ZipWithNoStreetFile_IsAnIssue()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var zip = scratch.File("outcomes-only.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Path.Combine(TestPaths.Cambridgeshire, "2019-07", "2019-07-cambridgeshire-outcomes.csv"), "2019-07/2019-07-cambridgeshire-outcomes.csv");
        }

        var issue = Assert.Single(PoliceUkSourceFinder.Find([zip], ArchiveLimits.Default).Issues);

        Assert.Equal($"{zip}: the zip holds no data.police.uk street file (YYYY-MM/YYYY-MM-<force>-street.csv)", issue.ToString());
    }

    [Fact]
    public void Find_MissingPathAndBadName_AreIssues()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var odd = scratch.File("crimes.csv");
        File.WriteAllText(odd, "x");

        var issues = PoliceUkSourceFinder.Find([scratch.File("nowhere"), odd], ArchiveLimits.Default).Issues;

        Assert.Equal(2, issues.Count);
        Assert.Contains("no such file or folder", issues[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not a data.police.uk file name", issues[1].Reason, StringComparison.Ordinal);
    }
}
