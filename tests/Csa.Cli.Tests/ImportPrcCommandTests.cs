using Csa.Core;
using Csa.Core.Official;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa import prc</c> on the Home Office's real force-level tables in ../shared/data/prc (they must be there, as
/// they are in CI): the 2018 release of 2017/18, then the October 2023 release, then each again.</summary>
public sealed class ImportPrcCommandTests
{

    [Fact]
    public async Task ANewerRelease_RevisesTheHeldQuarters_AndNothingChangesOnAReimportOrAnOlderRelease()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "geography", TestPaths.DistrictHierarchy)).ExitCode);

        var first = await CsaProcess.RunAsync(scratch, "import", "prc", TestPaths.SharedFile("prc", "prc-pfa-2017-18.csv"), "--release", "2018-07-19");
        var second = await CsaProcess.RunAsync(scratch, "import", "prc", TestPaths.SharedFile("prc", "prc-pfa-2012-13_to_2023-24q1.csv"), "--release", "2023-10-19");
        var again = await CsaProcess.RunAsync(scratch, "import", "prc", TestPaths.SharedFile("prc", "prc-pfa-2012-13_to_2023-24q1.csv"), "--release", "2023-10-19");
        var older = await CsaProcess.RunAsync(scratch, "import", "prc", TestPaths.SharedFile("prc", "prc-pfa-2017-18.csv"), "--release", "2018-07-19");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("23,068 rows at force level, release 2018-07-19 (from --release)", first.Output, StringComparison.Ordinal);
        Assert.Contains("Quarters: 188 added, 0 revised", first.Output, StringComparison.Ordinal);
        Assert.Contains("Held under their own names (no area of the lookups): Action Fraud, British Transport Police, CIFAS, UK Finance.", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("No held area matches", first.Output, StringComparison.Ordinal);

        // 168 force-quarters differ between the releases; two are the renamed fraud body, which is one series: 166 revised.
        Assert.Contains("Quarters: 1,927 added, 166 revised, 22 unchanged, 0 left as held", second.Output, StringComparison.Ordinal);
        Assert.Contains("Largest revision: Metropolitan Police 2017/18 Q1, 203,688 → 205,987 (+2,299).", second.Output, StringComparison.Ordinal);
        Assert.Contains("Quarters: 0 added, 0 revised, 2,115 unchanged", again.Output, StringComparison.Ordinal);
        Assert.Contains("Quarters: 0 added, 0 revised, 0 unchanged, 188 left as held", older.Output, StringComparison.Ordinal);

        await using var store = await DuckDbStore.OpenAsync(scratch.File("csa.duckdb"), TimeProvider.System);
        var cambridgeshire = await store.GetRecordedCrimeAsync(RecordedCrimeLevel.Force, "E23000023");
        var durham = await store.GetRecordedCrimeAsync(RecordedCrimeLevel.Force, "E23000008");
        Assert.Equal(66_159, cambridgeshire.Where(r => r.Year == new FinancialYear(2017) && r.OffenceGroup != "Fraud offences").Sum(r => r.Count));
        Assert.Equal(15_602, durham.Where(r => r.Year == new FinancialYear(2017) && r.Quarter == 2).Sum(r => r.Count));
    }

    [Fact]
    public async Task TheReleaseDate_ComesFromTheFileName_WhenNotGiven()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var named = scratch.File("prc-pfa-mar2013-onwards-tables-191023.csv");
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "tests", "Csa.Ingest.Tests", "Official", "Fixtures", "prc-fixture.csv"), named);

        var result = await CsaProcess.RunAsync(scratch, "import", "prc", named);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("release 2023-10-19 (from the file name)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("No held area matches", result.Output, StringComparison.Ordinal); // forces need no lookup
    }
}
