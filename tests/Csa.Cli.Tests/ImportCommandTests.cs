using Csa.Tests;

namespace Csa.Cli.Tests;

public class ImportCommandTests
{
    [Fact]
    public async Task ImportPoliceUk_BadRow_ExitsWithBadInputAndListsFileLineReason()
    {
        using var scratch = TestPaths.NewScratchFolder();
        // Synthetic: the real July file's header and first row, with the crime type misspelt.
        var lines = File.ReadLines(Path.Combine(TestPaths.Cambridgeshire, "2019-07", "2019-07-cambridgeshire-street.csv")).Take(2).ToArray();
        lines[1] = lines[1].Replace("Violence and sexual offences", "Violence", StringComparison.Ordinal);
        var file = scratch.File("2019-07-cambridgeshire-street.csv");
        await File.WriteAllLinesAsync(file, lines);

        var result = await CsaProcess.RunAsync(scratch, "import", "police-uk", file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"{file}:2: Crime type 'Violence' is not one of data.police.uk's 14 crime types", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPoliceUk_Twice_SaysReplacedAndKeepsCounts()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var first = await CsaProcess.RunAsync(scratch, "import", "police-uk", TestPaths.Cambridgeshire);
        var second = await CsaProcess.RunAsync(scratch, "import", "police-uk", TestPaths.Cambridgeshire);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Imported 3 street files (17,640 crimes, 4,507 anti-social behaviour incidents held apart; 941 rows with no location, kept)", first.Output, StringComparison.Ordinal);
        Assert.Contains("Skipped 3 stop-and-search files", first.Output, StringComparison.Ordinal);
        Assert.Contains("import: checking files 6/6", first.Output, StringComparison.Ordinal);
        Assert.Contains("import: all 6 files valid (40,291 rows); committing them to the store in one transaction", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("replaced", first.Output, StringComparison.Ordinal);
        Assert.Contains("replaced: cambridgeshire street 2019-07 (same file as before: counts unchanged)", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(scratch.File("csa.duckdb")));
    }

    [Fact]
    public async Task ImportGeography_NotALookup_ExitsWithBadInput()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var result = await CsaProcess.RunAsync(scratch, "import", "geography", Path.Combine(TestPaths.Cambridgeshire, "2019-07", "2019-07-cambridgeshire-street.csv"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("not an ONS lookup csa reads", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_StoreOfANewerCsa_ExitsWithStoreUnusable()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await File.WriteAllTextAsync(scratch.File("csa.duckdb"), "not a database");

        var result = await CsaProcess.RunAsync(scratch, "quality");

        Assert.Equal(ExitCodes.StoreUnusable, result.ExitCode);
        Assert.StartsWith("error: Cannot open the store csa.duckdb", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScratchFilesOfAKilledCsa_AreRemovedByTheNextCsa()
    {
        // A SYNTHETIC left-over: the scratch folder of a csa killed mid-import (its process id no longer exists).
        using var gone = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        var leftOver = Path.Combine(Core.Files.ProcessScratch.Root, $"{gone.Id}-7");
        Directory.CreateDirectory(Path.Combine(leftOver, "import-x"));
        await File.WriteAllTextAsync(Path.Combine(leftOver, "import-x", "2019-07-kent-street.csv"), "synthetic");
        using var scratch = TestPaths.NewScratchFolder();

        var result = await CsaProcess.RunAsync(scratch, "trees", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.False(Directory.Exists(leftOver));
    }
}
