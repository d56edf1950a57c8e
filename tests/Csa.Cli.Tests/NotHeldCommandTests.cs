using System.CommandLine;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Every command that prints figures for a period, enumerated from csa's own command tree, answers a period with no
/// month held for the area with "Not held" (exit 3) and no table: never a figure of zero.</summary>
public sealed class NotHeldCommandTests : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    /// <summary>Every leaf command that writes table files (--csv) and takes a period (--period, --vs, --from or --to).</summary>
    public static TheoryData<string> PeriodCommands()
    {
        var data = new TheoryData<string>();
        foreach (var command in Leaves(CsaCommandLine.Build()).Where(TakesAPeriod))
        {
            data.Add(Path(command));
        }

        return data;
    }

    static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Leaves);

    static bool TakesAPeriod(Command command) =>
        command.Options.Any(o => o.Name == "--csv") && command.Options.Any(o => o.Name is "--period" or "--vs" or "--from" or "--to");

    static string Path(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names);
    }

    public async Task InitializeAsync()
    {
        await CsaProcess.ImportCambridgeshireAsync(_scratch);
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "import", "population", System.IO.Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"))).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "synth", "extract", "--area", "Huntingdonshire", "--seed", "3", "--out", "synthetic")).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "import", "extract", "synthetic/synthetic-extract.csv", "--mapping", "synthetic/synthetic-extract-mapping.json")).ExitCode);
        var series = System.IO.Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "synthetic-ambulance-callouts-huntingdonshire.csv");
        Assert.Equal(0, (await CsaProcess.RunAsync(_scratch, "import", "series", series, "--name", "Ambulance", "--area", "Huntingdonshire")).ExitCode);
        await File.WriteAllTextAsync(_scratch.File("group.txt"), "E07000011\nE07000010\n");
    }

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void TheTree_HasTheFigureCommandsThatTakeAPeriod()
    {
        var commands = ((IEnumerable<object[]>)PeriodCommands()).Select(row => (string)row[0]).ToArray();

        Assert.Superset(new HashSet<string> { "compare", "years", "recording", "rates", "msg", "monthly", "triangulate", "hotspots", "pyramid", "summary" }, commands.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(PeriodCommands))]
    public async Task APeriodWithNoHeldMonth_IsNotHeld_NeverZeros(string path)
    {
        // The store holds street data for 2019-07..2019-09, a SYNTHETIC extract for 2011-03..2017-02 and a partner series for
        // 2014..2016: nothing from 2017-06 to 2019-05.
        var command = Leaves(CsaCommandLine.Build()).Single(c => Path(c) == path);
        var args = new List<string>(path.Split(' '));
        foreach (var option in command.Options)
        {
            if (ValueFor(option) is { } value)
            {
                args.AddRange([option.Name, value]);
            }
        }

        var result = await CsaProcess.RunAsync(_scratch, [.. args]);

        Assert.True(result.ExitCode == ExitCodes.BadQuery, $"{string.Join(' ', args)} exited {result.ExitCode}: {result.Output}{result.Error}");
        Assert.Contains("Not held", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("│", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    static string? ValueFor(Option option) => (option.Name, option.ValueType) switch
    {
        ("--area", _) => "Huntingdonshire",
        ("--tree", _) => "police-uk",
        ("--category", _) => "All crime",
        ("--series", _) => "Ambulance",
        ("--group", _) => "group.txt",
        ("--period", _) => "FY2017/18",
        ("--vs", _) => "2018-04..2019-03",
        ("--from", var type) when type == typeof(Core.Month?) => "2017-06",
        ("--to", var type) when type == typeof(Core.Month?) => "2019-05",
        ("--from", _) => "2018",
        ("--to", _) => "2018",
        _ => null,
    };
}
