using Csa.Cli.Output;
using Spectre.Console;

namespace Csa.Cli.Tests;

/// <summary>The table warm-up a reading command starts while its store opens (<see cref="TableOutput.BeginWarmUp"/>).</summary>
public class TableWarmUpTests
{
    [Fact]
    public async Task TheWarmUp_RunsOnce_AndWritesNothingToTheScreen()
    {
        using var screen = new StringWriter();
        var original = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(screen) });
        try
        {
            var warmUp = TableOutput.BeginWarmUp();
            await warmUp.WaitAsync(TimeSpan.FromMinutes(1));

            Assert.True(warmUp.IsCompletedSuccessfully);
            Assert.Same(warmUp, TableOutput.BeginWarmUp());
            Assert.Empty(screen.ToString());
        }
        finally
        {
            AnsiConsole.Console = original;
        }
    }
}
