using Csa.Cli;
using Spectre.Console;

if (Console.IsOutputRedirected)
{
    // Redirected output (files, pipes, CI) has no terminal width: Spectre would wrap tables at 80 columns.
    AnsiConsole.Profile.Width = 200;
}

return await CsaCommandLine.Build().Parse(args).InvokeAsync();
