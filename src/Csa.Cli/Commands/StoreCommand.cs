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
        command.Subcommands.Add(Grant());
        return command;
    }

    static Command Grant()
    {
        var role = new Option<string>("--role") { Description = "The database role to give rights to (made beforehand: CREATE ROLE csa_atlas LOGIN PASSWORD '…').", Required = true };
        var access = new Option<string>("--access")
        {
            Description = "public: read the data only (the public atlas; not the accounts or the atlas's keys). atlas: read the data and the accounts, and write only the atlas's failed-login records and cookie keys (the restricted atlas).",
            Required = true,
        };
        access.AcceptOnlyFromAmong("public", "atlas");
        var grant = new Command("grant", "Give a PostgreSQL role the rights an atlas needs and no more (run with the store's owning role; again after an upgrade that migrates the store).");
        grant.Options.Add(role);
        grant.Options.Add(access);
        grant.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var storeValue = parse.GetValue(CommonOptions.Store)!;
            if (!StoreFactory.NamesServer(storeValue))
            {
                throw new CsaStoreException($"{storeValue} is a DuckDB file, which has no roles: its file's permissions decide who may read it (csa serve opens it read-only).");
            }

            await using var store = await CommandRunner.OpenStoreAsync(storeValue, cancellationToken);
            var (name, level) = (parse.GetValue(role)!, parse.GetValue(access) == "atlas" ? Storage.StoreAccess.Atlas : Storage.StoreAccess.PublicAtlas);
            await ((Storage.IStoreRoles)store).GrantAsync(name, level, cancellationToken);
            Console.WriteLine(level == Storage.StoreAccess.Atlas
                ? $"The role {name} may now read the data and accounts of {store.Info.Location}, and write only the atlas's failed-login records and cookie keys."
                : $"The role {name} may now read the data of {store.Info.Location}, and nothing else (not the accounts or the atlas's keys), and write nothing.");
        }));
        return grant;
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
