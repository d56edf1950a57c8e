using System.CommandLine;
using Csa.Cli.Commands;

namespace Csa.Cli;

/// <summary>The <c>csa</c> command tree.</summary>
public static class CsaCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "csa — the Community Safety Assessment engine: from data.police.uk and ONS files to the figures of a strategic assessment.");
        root.Options.Add(CommonOptions.Store);
        var import = new Command("import", "Import data into the store (atomic: a file with a problem changes nothing).");
        import.Subcommands.Add(ImportCommands.PoliceUk());
        import.Subcommands.Add(ImportCommands.Geography());
        import.Subcommands.Add(ImportCommands.Extract());
        import.Subcommands.Add(StatisticsCommands.ImportPopulation());
        import.Subcommands.Add(StatisticsCommands.ImportSeries());
        import.Subcommands.Add(StatisticsCommands.ImportDeprivation());
        import.Subcommands.Add(StatisticsCommands.ImportBoundaries());
        import.Subcommands.Add(ImportPrcCommand.Create());
        root.Subcommands.Add(import);
        root.Subcommands.Add(FetchCommand.Create());
        root.Subcommands.Add(SynthCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(YearsCommand.Create());
        root.Subcommands.Add(RecordingCommand.Create());
        root.Subcommands.Add(StatisticsCommands.Rates());
        root.Subcommands.Add(StatisticsCommands.MostSimilarGroup());
        root.Subcommands.Add(StatisticsCommands.Monthly());
        root.Subcommands.Add(StatisticsCommands.Triangulate());
        root.Subcommands.Add(PlacesCommands.Hotspots());
        root.Subcommands.Add(PlacesCommands.Pyramid());
        root.Subcommands.Add(SeverityCommand.Create());
        root.Subcommands.Add(ReconcileCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(StoreCommand.Create());
        root.Subcommands.Add(TreesCommand.Create());
        root.Subcommands.Add(SummaryCommand.Create());
        root.Subcommands.Add(QualityCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }
}
