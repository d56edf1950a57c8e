using System.CommandLine;
using Csa.Core;
using Csa.Core.Security;
using Spectre.Console;

namespace Csa.Cli.Commands;

/// <summary><c>csa user add|password|remove NAME</c>: accounts of the restricted atlas.</summary>
static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "Accounts of the restricted atlas (passwords are stored only as PBKDF2-SHA256 hashes).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Password());
        command.Subcommands.Add(Remove());
        return command;
    }

    static Command Add()
    {
        var (name, fromStdin) = (NameArgument(), FromStdinOption());
        var add = new Command("add", $"Add an account of the restricted atlas; the password ({AccountName.MinPasswordLength} characters or more) is asked for, or read from standard input.");
        add.Arguments.Add(name);
        add.Options.Add(fromStdin);
        add.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var account = CheckedName(parse.GetValue(name)!);
            var password = await ReadPasswordAsync(parse.GetValue(fromStdin), cancellationToken);
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            await store.AddUserAsync(account, PasswordHash.Create(password), cancellationToken);
            Console.WriteLine($"Added the atlas account '{account}'.");
        }));
        return add;
    }

    static Command Password()
    {
        var (name, fromStdin) = (NameArgument(), FromStdinOption());
        var password = new Command("password", "Change an account's password: its sessions end at their next request, and its lock, if any, is cleared.");
        password.Arguments.Add(name);
        password.Options.Add(fromStdin);
        password.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var account = parse.GetValue(name)!;
            var text = await ReadPasswordAsync(parse.GetValue(fromStdin), cancellationToken);
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            if (!await store.SetPasswordAsync(account, PasswordHash.Create(text), cancellationToken))
            {
                throw new CsaQueryException($"There is no atlas account named '{account}'.");
            }

            Console.WriteLine($"Changed the password of '{account}'; its open sessions are ended.");
        }));
        return password;
    }

    static Command Remove()
    {
        var name = NameArgument();
        var remove = new Command("remove", "Remove an account: its sessions end at their next request.");
        remove.Arguments.Add(name);
        remove.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var account = parse.GetValue(name)!;
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            if (!await store.RemoveUserAsync(account, cancellationToken))
            {
                throw new CsaQueryException($"There is no atlas account named '{account}'.");
            }

            Console.WriteLine($"Removed the atlas account '{account}'; its open sessions are ended.");
        }));
        return remove;
    }

    static Argument<string> NameArgument() => new("NAME") { Description = "The account's name." };

    static Option<bool> FromStdinOption() => new("--password-stdin") { Description = "Read the password from standard input (for scripts) instead of asking for it." };

    static string CheckedName(string name) => AccountName.Problem(name) is { } problem ? throw new CsaQueryException(problem) : name;

    static async Task<string> ReadPasswordAsync(bool fromStdin, CancellationToken cancellationToken)
    {
        var password = fromStdin
            ? (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? string.Empty
            : AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        return AccountName.PasswordProblem(password) is { } problem ? throw new CsaQueryException(problem) : password;
    }
}
