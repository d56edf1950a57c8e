using System.CommandLine;
using Csa.Core.Security;
using Spectre.Console;

namespace Csa.Cli.Commands;

/// <summary><c>csa user add NAME</c>: an account of the restricted atlas.</summary>
static class UserCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The account's name." };
        var fromStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (for scripts) instead of asking for it." };
        var add = new Command("add", "Add an account of the restricted atlas; the password (12 characters or more) is stored only as a PBKDF2-SHA256 hash.");
        add.Arguments.Add(name);
        add.Options.Add(fromStdin);
        add.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var password = parse.GetValue(fromStdin)
                ? (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? string.Empty
                : AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
            if (password.Length < 12)
            {
                throw new Core.CsaQueryException("A password needs at least 12 characters.");
            }

            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            await store.AddUserAsync(parse.GetValue(name)!, PasswordHash.Create(password), cancellationToken);
            Console.WriteLine($"Added the atlas account '{parse.GetValue(name)}'.");
        }));
        var command = new Command("user", "Accounts of the restricted atlas.");
        command.Subcommands.Add(add);
        return command;
    }
}
