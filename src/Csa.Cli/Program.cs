using Csa.Cli;
using Spectre.Console;

if (Console.IsOutputRedirected)
{
    // Redirected output (files, pipes, CI) has no terminal width: Spectre would wrap tables at 80 columns.
    AnsiConsole.Profile.Width = 200;
}

// Scratch files of csa processes that were killed (kill -9 during an import) are removed; others are left alone.
Csa.Core.Files.ProcessScratch.RemoveStale();
return await CsaCommandLine.Build().Parse(args).InvokeAsync();
