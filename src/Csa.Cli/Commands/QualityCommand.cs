using System.CommandLine;
using Csa.Analysis;
using Csa.Cli.Output;
using Csa.Core.Geography;

namespace Csa.Cli.Commands;

/// <summary><c>csa quality</c>: what is held and missing, per force and month, before any statistic.</summary>
static class QualityCommand
{
    public static Command Create()
    {
        var area = CommonOptions.Area(required: false);
        var command = new Command("quality", "Report, per force and month, what street data is held and missing, and how usable it is.");
        command.Options.Add(area);
        CommonOptions.AddTableOutputs(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            Area? resolved = parse.GetValue(area) is { } name ? await new AreaResolver(store).ResolveAsync(name, cancellationToken) : null;
            var table = await new DataQualityReport(store).BuildAsync(resolved, cancellationToken);
            TableOutput.Show(table, parse);
        }));
        return command;
    }
}
