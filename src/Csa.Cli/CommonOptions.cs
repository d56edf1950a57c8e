using System.CommandLine;
using Csa.Core;

namespace Csa.Cli;

/// <summary>Options shared by several commands.</summary>
static class CommonOptions
{
    /// <summary>The store csa uses when --store is not given.</summary>
    public const string DefaultStore = "csa.duckdb";

    public static readonly Option<string> Store = new("--store")
    {
        Description = "The store: a DuckDB file (created when missing), or a PostgreSQL database as Host=…;Database=… or postgres://user@host:port/database (password from PGPASSWORD or a pgpass file).",
        DefaultValueFactory = _ => DefaultStore,
        Recursive = true,
    };

    public static Option<string?> Area(bool required) => new("--area")
    {
        Description = "An area by ONS code or name: a ward, district, community safety partnership or police force area (E07000011, Huntingdonshire).",
        Required = required,
    };

    public static Option<Month?> MonthOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Month.TryParse(text, out var month))
            {
                return month;
            }

            result.AddError($"{name} '{text}' is not a month: write YYYY-MM (for example 2019-07).");
            return null;
        },
    };

    /// <summary>A size option (<c>1GiB</c>, <c>512MiB</c>, or bytes) with its default.</summary>
    public static Option<long> SizeOption(string name, string description, long defaultBytes) => new(name)
    {
        Description = $"{description} [default: {ByteSize.Format(defaultBytes)}]",
        DefaultValueFactory = _ => defaultBytes,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (ByteSize.TryParse(text, out var bytes, out var error))
            {
                return bytes;
            }

            result.AddError($"{name}: {error}");
            return 0;
        },
    };

    public static Option<Period?> PeriodOption(string name, string description, bool required) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Period.TryParse(text, out var period, out var error))
            {
                return period;
            }

            result.AddError($"{name}: {error}");
            return null;
        },
    };

    public static Option<string> Tree() => new("--tree")
    {
        Description = "The category tree: seed (the seed's Appendix A), ons, police-uk, or the path of a tree file (csa trees export).",
        DefaultValueFactory = _ => "seed",
    };

    public static Option<string[]> Exclude() => new("--exclude")
    {
        Description = "Remove a category from every row: a tree row, an ONS offence group or subgroup, or an offence code (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<int?> PopulationYear() => new("--population-year")
    {
        Description = "Use this year's ONS mid-year estimate instead of the period's own year (the output says so).",
    };

    public static readonly Option<string?> Csv = new("--csv") { Description = "Also write the table to this csv file." };
    public static readonly Option<string?> Xlsx = new("--xlsx") { Description = "Also write the table to this xlsx file." };
    public static readonly Option<string?> Json = new("--json") { Description = "Also write the table to this json file (an array of objects keyed by the column names)." };

    /// <summary>The store a command will use, as its validators see it (a default is not yet applied there).</summary>
    public static string StorePath(System.CommandLine.Parsing.CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(Store) ?? DefaultStore;
    }

    /// <summary>Checks, before any work, that csa may write the file an option names (see <see cref="Core.Files.OutputPath"/>).</summary>
    public static void CheckOutputFile(Command command, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(option) is not null && result.GetValue(option) is var path
                && Core.Files.OutputPath.Problem(path ?? string.Empty, StorePath(result)) is { } problem)
            {
                result.AddError($"{option.Name}: {problem}");
            }
        });
    }

    public static void AddTableOutputs(Command command)
    {
        command.Options.Add(Csv);
        command.Options.Add(Xlsx);
        command.Options.Add(Json);
        foreach (var option in new[] { Csv, Xlsx, Json })
        {
            CheckOutputFile(command, option);
        }
    }
}
