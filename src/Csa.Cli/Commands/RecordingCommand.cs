using System.CommandLine;
using Csa.Analysis;
using Csa.Analysis.Comparison;
using Csa.Analysis.Trees;
using Csa.Cli.Output;

namespace Csa.Cli.Commands;

/// <summary><c>csa recording</c>: the share of crimes recorded without the victim's support, in two periods.</summary>
static class RecordingCommand
{
    public static Command Create()
    {
        var area = CommonOptions.Area(required: true);
        var category = new Option<string>("--category") { Description = "A row of the tree (for the seed tree: \"Violence without injury\").", Required = true };
        var period = CommonOptions.PeriodOption("--period", "The earlier period (before a change in practice): 2013-01..2014-03, 2013 or FY2013/14.", required: true);
        var vs = CommonOptions.PeriodOption("--vs", "The later period, in the same forms.", required: true);
        var tree = CommonOptions.Tree();
        var exclude = CommonOptions.Exclude();
        var command = new Command("recording", "Recording practice: the share of a category's crimes recorded although the victim did not support the recording, in two periods.");
        foreach (var option in new Option[] { area, category, period, vs, tree, exclude })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var table = await new RecordingPractice(store).BuildAsync(
                resolved, CategoryTrees.Load(parse.GetValue(tree)!), parse.GetValue(category)!, parse.GetValue(period)!, parse.GetValue(vs)!, parse.GetValue(exclude) ?? [], cancellationToken);
            TableOutput.Show(table, parse);
        }));
        return command;
    }
}
