using Csa.Cli;
using Spectre.Console;

// DuckDB's one-time start-up work goes on beside the console's and the command line's (the start-up benchmark).
var warmUp = StoreFactory.BeginWarmUp(args);

if (Console.IsOutputRedirected)
{
    // Redirected output (files, pipes, CI) has no terminal width: Spectre would wrap tables at 80 columns.
    AnsiConsole.Profile.Width = 200;
}

// Scratch files of csa processes that were killed (kill -9 during an import) are removed; others are left alone.
Csa.Core.Files.ProcessScratch.RemoveStale();
try
{
    return await CsaCommandLine.Build().Parse(args).InvokeAsync();
}
finally
{
    await warmUp;
}
