using Csa.Cli.Output;
using Csa.Core;
using Csa.Core.Importing;
using Csa.Storage;
using Spectre.Console;

namespace Csa.Cli;

/// <summary>Runs a command's work and maps its failures to exit codes: the one place that does so.</summary>
static class CommandRunner
{
    /// <summary>The SQL state of a write refused because the server is a replica (or the transaction read-only).</summary>
    const string ReadOnlyTransaction = "25006";

    /// <summary>The SQL state of a write refused because the role may not make it.</summary>
    const string InsufficientPrivilege = "42501";

    public static async Task<int> RunAsync(Func<Task> work)
    {
        try
        {
            await work();
            return ExitCodes.Success;
        }
        catch (CsaImportException e)
        {
            return Fail(e.Message, ExitCodes.BadInput);
        }
        catch (CsaQueryException e)
        {
            return Fail(e.Message, ExitCodes.BadQuery);
        }
        catch (CsaStoreException e)
        {
            return Fail(e.Message, ExitCodes.StoreUnusable);
        }
        catch (System.Data.Common.DbException e) when (e.SqlState is ReadOnlyTransaction or InsufficientPrivilege)
        {
            return Fail(
                $"The store refused to be written ({e.Message}); nothing was changed. Imports, accounts and grants need the role that " +
                "owns the store, on the primary server: a replica, and the roles csa store grant gives the atlas, only read.",
                ExitCodes.StoreUnusable);
        }
        catch (IOException e)
        {
            return Fail(e.Message, ExitCodes.Usage);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(e.Message, ExitCodes.Usage);
        }
#pragma warning disable CA1031 // The last resort: a user never sees a stack trace, even from a bug (cancellation goes on as before).
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return Fail($"csa failed unexpectedly ({e.GetType().Name}: {e.Message}). This is a bug in csa: please report it with the command you ran. Set CSA_DEBUG=1 to see where it failed.", ExitCodes.InternalError, Environment.GetEnvironmentVariable("CSA_DEBUG") == "1" ? e.ToString() : null);
        }
    }

    /// <summary>Opens the store named by --store, saying so when it migrates one made by an older csa.</summary>
    public static async Task<ICsaStore> OpenStoreAsync(string path, CancellationToken cancellationToken) =>
        Announced(path, await StoreFactory.OpenAsync(path, TimeProvider.System, cancellationToken));

    /// <summary>Opens the store named by --store for a command that only reads it (read-only where it can be: see
    /// <see cref="StoreFactory.OpenForReadingAsync"/>), saying so when it migrates one made by an older csa. Every such
    /// command but <c>report</c> shows a table: the screen's table is made ready meanwhile (<see cref="TableOutput.BeginWarmUp"/>).</summary>
    public static async Task<ICsaStore> OpenStoreForReadingAsync(string path, CancellationToken cancellationToken)
    {
        _ = TableOutput.BeginWarmUp();
        return Announced(path, await StoreFactory.OpenForReadingAsync(path, TimeProvider.System, cancellationToken));
    }

    static ICsaStore Announced(string path, ICsaStore store)
    {
        if (store.Info.MigratedFrom is > 0 and var from)
        {
            Console.Error.WriteLine($"Migrated the store {path} from schema version {from} to {store.Info.SchemaVersion}.");
        }

        return store;
    }

    static int Fail(string message, int exitCode, string? detail = null)
    {
        Console.Error.WriteLine($"error: {message}");
        if (detail is not null)
        {
            Console.Error.WriteLine(detail);
        }

        return exitCode;
    }

    /// <summary>Whether to draw live progress: an interactive terminal, and not CI.</summary>
    public static bool IsInteractive =>
        AnsiConsole.Profile.Capabilities.Interactive
        && !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
