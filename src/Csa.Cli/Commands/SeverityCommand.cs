using System.CommandLine;
using Csa.Analysis;
using Csa.Analysis.Harm;
using Csa.Cli.Output;
using Csa.Core;

namespace Csa.Cli.Commands;

/// <summary><c>csa severity</c>: the Crime Severity Score of a force area or partnership by financial year.</summary>
static class SeverityCommand
{
    public static Command Create()
    {
        var area = CommonOptions.Area(required: true);
        var from = YearsCommand.YearOption("--from", "The first financial year (2013/14); the first held when omitted.");
        var to = YearsCommand.YearOption("--to", "The last financial year; the last held when omitted.");
        var by = new Option<string?>("--by") { Description = "group: each offence group's part of the score, a column per year." };
        by.AcceptOnlyFromAmong("group");
        var source = new Option<string>("--source")
        {
            Description = "prc: the Home Office tables (force areas and partnerships; the default); extract: the local police extract's crimes by their Home Office codes (any area).",
            DefaultValueFactory = _ => "prc",
        };
        source.AcceptOnlyFromAmong("prc", "extract");
        var weights = new Option<string?>("--weights") { Description = "A CSV of weights (Offence Code, Weight) adding to or replacing ONS's built-in ones, for codes newer than their edition." };
        var command = new Command("severity", "The Crime Severity Score (Σ offences × ONS weight ÷ population, per person) of a force area or partnership by financial year, from the Home Office tables (csa import prc) or a local extract; fraud and offences without a weight left out and listed.");
        foreach (var option in new Option[] { area, from, to, by, source, weights })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var chosen = parse.GetValue(weights) is { } file ? SeverityWeights.WithFile(file) : SeverityWeights.BuiltIn();
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var (byYear, byGroup) = await new SeverityTable(store).BuildAsync(
                resolved,
                parse.GetValue(from) is { } f ? new FinancialYear(f) : null,
                parse.GetValue(to) is { } t ? new FinancialYear(t) : null,
                chosen,
                parse.GetValue(source) == "extract",
                cancellationToken);
            TableOutput.Show(parse.GetValue(by) is null ? byYear : byGroup, parse);
        }));
        return command;
    }
}
