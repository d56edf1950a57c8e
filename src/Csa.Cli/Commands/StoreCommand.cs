using System.CommandLine;
using Csa.Core;

namespace Csa.Cli.Commands;

/// <summary><c>csa store copy --from A --to B</c>: a whole store into another (a DuckDB file into a team's PostgreSQL
/// database, or back), all or nothing.</summary>
static class StoreCommand
{
    public static Command Create()
    {
        var command = new Command("store", "Stores as a whole.");
        command.Subcommands.Add(Copy());
        return command;
    }

    static Command Copy()
    {
        var from = new Option<string>("--from") { Description = "The store to copy: a DuckDB file or a PostgreSQL database (as --store takes it).", Required = true };
        var to = new Option<string>("--to") { Description = "The store to copy into, new or empty: a DuckDB file (created) or a PostgreSQL database.", Required = true };
        var copy = new Command("copy", "Copy every table of one store into another, new or empty, store in one transaction: all or nothing, never over data already held.");
        copy.Options.Add(from);
        copy.Options.Add(to);
        copy.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var (fromValue, toValue) = (parse.GetValue(from)!, parse.GetValue(to)!);
            if (!StoreFactory.NamesServer(fromValue) && !File.Exists(fromValue))
            {
                throw new CsaStoreException($"There is no store {fromValue} to copy.");
            }

            await using var source = await CommandRunner.OpenStoreAsync(fromValue, cancellationToken);
            await using var target = await CommandRunner.OpenStoreAsync(toValue, cancellationToken);
            if (string.Equals(source.Info.Location, target.Info.Location, StringComparison.Ordinal))
            {
                throw new CsaStoreException("--from and --to name the same store.");
            }

            await target.CopyFromAsync(source, cancellationToken);
            var counts = await target.GetTableCountsAsync(cancellationToken);
            Console.WriteLine($"Copied {source.Info.Location} to {target.Info.Location}: {counts.Values.Sum():N0} rows in {counts.Count(c => c.Value > 0)} tables.");
        }));
        return copy;
    }
}
