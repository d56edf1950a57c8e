using System.CommandLine;
using Csa.Analysis;
using Csa.Analysis.Comparison;
using Csa.Analysis.Trees;
using Csa.Cli.Output;
using Csa.Reporting;

namespace Csa.Cli.Commands;

/// <summary><c>csa compare</c>: the seed's Appendix A, two periods side by side for every row of a tree.</summary>
static class CompareCommand
{
    public static Command Create()
    {
        var areas = new Option<string[]>("--area")
        {
            Description = "An area by code or name; repeat for several (one xlsx sheet each).",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var period = CommonOptions.PeriodOption("--period", "The earlier period: 2015-01..2015-12, 2015 or FY2015/16.", required: true);
        var vs = CommonOptions.PeriodOption("--vs", "The later period, in the same forms.", required: true);
        var tree = CommonOptions.Tree();
        var exclude = CommonOptions.Exclude();
        var stats = new Option<bool>("--stats") { Description = "Show the significance columns on screen (files always hold them)." };
        var source = new Option<string?>("--source")
        {
            Description = "prc: the Home Office's recorded crime tables (csa import prc) for force areas and partnerships, by their own offence groups and subgroups, in whole quarters (FY2019/20, 2019-04..2019-09). By default: the local extract, else data.police.uk street data.",
        };
        source.AcceptOnlyFromAmong("prc");
        var command = new Command("compare", "Compare two periods for every category of a tree: counts, numeric change and apparent change (the seed's Appendix A).");
        command.Options.Add(areas);
        command.Options.Add(period);
        command.Options.Add(vs);
        command.Options.Add(tree);
        command.Options.Add(exclude);
        command.Options.Add(stats);
        command.Options.Add(source);
        CommonOptions.AddTableOutputs(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(source) == "prc" && ((result.GetResult(tree) is { Implicit: false }) || (result.GetValue(exclude) ?? []).Length > 0))
            {
                result.AddError("--source prc compares the Home Office's own offence groups and subgroups: --tree and --exclude do not apply.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            // The tree's file is read while the store opens (the start-up benchmark); a store that cannot open is reported first.
            var treeLoad = Task.Run(() => CategoryTrees.Load(parse.GetValue(tree)!), cancellationToken);
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var categoryTree = await treeLoad;
            var tables = new List<(string Area, ResultTable Table)>();
            foreach (var name in parse.GetValue(areas)!)
            {
                var area = await new AreaResolver(store).ResolveAsync(name, cancellationToken);
                var table = parse.GetValue(source) == "prc"
                    ? (await new PeriodComparison(store).CompareHomeOfficeAsync(area, parse.GetValue(period)!, parse.GetValue(vs)!, cancellationToken)).ToTable()
                    : await new PeriodComparison(store).BuildAsync(area, parse.GetValue(period)!, parse.GetValue(vs)!, categoryTree, parse.GetValue(exclude) ?? [], cancellationToken);
                tables.Add((area.Name, table));
            }

            foreach (var (_, table) in tables)
            {
                TableOutput.Render(table, parse.GetValue(stats));
            }

            var combined = tables.Count == 1 ? tables[0].Table : ResultTables.Stack(tables, "Area");
            TableOutput.WriteFiles(combined, parse, xlsx: path => TableFiles.WriteXlsx(tables, path));
        }));
        return command;
    }
}
