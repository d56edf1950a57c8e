using System.CommandLine;
using Csa.Analysis.Trees;

namespace Csa.Cli.Commands;

/// <summary><c>csa trees</c>: list the built-in category trees, or write one out to copy and edit.</summary>
static class TreesCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "A built-in tree: seed, ons or police-uk." };
        var file = new Argument<string>("FILE") { Description = "Where to write it." };
        var export = new Command("export", "Write a built-in tree's file, to copy and edit; use the copy with --tree FILE.");
        export.Arguments.Add(name);
        export.Arguments.Add(file);
        export.Validators.Add(result =>
        {
            if (Core.Files.OutputPath.Problem(result.GetValue(file) ?? string.Empty, CommonOptions.StorePath(result)) is { } problem)
            {
                result.AddError($"FILE: {problem}");
            }
        });
        export.SetAction((parse, _) => CommandRunner.RunAsync(() =>
        {
            var text = CategoryTrees.BuiltInText(parse.GetValue(name)!);
            Core.Files.OutputPath.WriteAtomically(parse.GetValue(file)!, temp => File.WriteAllText(temp, text));
            Console.WriteLine($"Wrote the {parse.GetValue(name)} tree to {parse.GetValue(file)}.");
            return Task.CompletedTask;
        }));
        var list = new Command("list", "List the built-in trees.");
        list.SetAction((_, _) => CommandRunner.RunAsync(() =>
        {
            foreach (var tree in CategoryTrees.BuiltIn.Select(CategoryTrees.Load))
            {
                Console.WriteLine($"{tree.Name}: {tree.Rows.Count} rows. {tree.Description}");
            }

            return Task.CompletedTask;
        }));
        var command = new Command("trees", "The category trees that compare and years use (built in: seed, ons, police-uk).");
        command.Subcommands.Add(list);
        command.Subcommands.Add(export);
        return command;
    }
}
