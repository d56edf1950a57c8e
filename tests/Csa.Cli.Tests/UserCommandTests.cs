using Csa.Tests;

namespace Csa.Cli.Tests;

public class UserCommandTests
{
    [Fact]
    public async Task UserAdd_FromStdin_AddsOnceAndRefusesShortPasswords()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var added = await CsaProcess.RunWithInputAsync(scratch.Path, "a long enough password", "user", "add", "analyst", "--password-stdin");
        var again = await CsaProcess.RunWithInputAsync(scratch.Path, "a long enough password", "user", "add", "analyst", "--password-stdin");
        var tooShort = await CsaProcess.RunWithInputAsync(scratch.Path, "short", "user", "add", "other", "--password-stdin");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Added the atlas account 'analyst'.", added.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadQuery, again.ExitCode);
        Assert.Contains("exists already", again.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadQuery, tooShort.ExitCode);
        Assert.Contains("at least 12 characters", tooShort.Error, StringComparison.Ordinal);
    }
}
