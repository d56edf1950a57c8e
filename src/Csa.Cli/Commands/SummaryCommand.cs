using System.CommandLine;
using Csa.Analysis;
using Csa.Cli.Output;

namespace Csa.Cli.Commands;

/// <summary><c>csa summary</c>: counts for an area and period, by month, crime type or ward.</summary>
static class SummaryCommand
{
    public static Command Create()
    {
        var area = CommonOptions.Area(required: true);
        var from = CommonOptions.MonthOption("--from", "The first month (YYYY-MM); the first month held when omitted.");
        var to = CommonOptions.MonthOption("--to", "The last month (YYYY-MM); the last month held when omitted.");
        var by = new Option<string>("--by")
        {
            Description = "The breakdown: type (data.police.uk crime types), month, or ward.",
            DefaultValueFactory = _ => "type",
        };
        by.AcceptOnlyFromAmong("type", "month", "ward");
        var command = new Command("summary", "Count crimes (and, apart, anti-social behaviour) for an area and period.");
        command.Options.Add(area);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(by);
        CommonOptions.AddTableOutputs(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var breakdown = Enum.Parse<SummaryBreakdown>(parse.GetValue(by)!, ignoreCase: true);
            var table = await new CrimeSummary(store).BuildAsync(resolved, parse.GetValue(from), parse.GetValue(to), breakdown, cancellationToken);
            TableOutput.Show(table, parse);
        }));
        return command;
    }
}
