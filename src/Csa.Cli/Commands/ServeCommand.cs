using System.CommandLine;
using Csa.Web;

namespace Csa.Cli.Commands;

/// <summary><c>csa serve</c>: the community safety atlas over the store.</summary>
static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var isPublic = new Option<bool>("--public") { Description = "Public mode: no login; aggregates only, counts from 1 to 4 not shown." };
        var command = new Command("serve", "Serve the community safety atlas (map of wards, monthly charts) over the store, read-only: restricted (login; csa user add) unless --public.");
        command.Options.Add(urls);
        command.Options.Add(isPublic);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            // Open the store once for writing: it is created or migrated here, so that the atlas can read it read-only.
            await (await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken)).DisposeAsync();
            Console.WriteLine($"The atlas is at {parse.GetValue(urls)} ({(parse.GetValue(isPublic) ? "public" : "restricted: log in with an account from csa user add")}). Stop it with Ctrl+C.");
            await AtlasHost.RunAsync(parse.GetValue(CommonOptions.Store)!, parse.GetValue(urls)!, parse.GetValue(isPublic), cancellationToken);
        }));
        return command;
    }
}
