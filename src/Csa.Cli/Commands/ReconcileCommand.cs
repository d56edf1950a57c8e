using System.CommandLine;
using Csa.Analysis.Official;
using Csa.Cli.Output;
using Csa.Core;
using Csa.Core.Official;
using Csa.Core.PoliceUk;

namespace Csa.Cli.Commands;

/// <summary><c>csa reconcile</c>: data.police.uk street counts beside the Home Office's recorded crime, for a force or every force.</summary>
static class ReconcileCommand
{
    public static Command Create()
    {
        var force = new Option<string?>("--force") { Description = "The force: its name (Thames Valley), data.police.uk slug (thames-valley) or police force area code." };
        var all = new Option<bool>("--all") { Description = "Every force either view holds for the quarter, one row each, with flags for missing or partial street data." };
        var quarter = new Option<FinancialQuarter?>("--quarter")
        {
            Description = "The financial quarter: 2019/20Q2 (July to September 2019).",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (FinancialQuarter.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--quarter '{text}' is not a financial quarter: write 2019/20Q2.");
                return null;
            },
        };
        var command = new Command("reconcile", "data.police.uk street crimes beside the Home Office's recorded crime (csa import prc) for a force and quarter, by the categories that can be matched, with the ratio.");
        foreach (var option in new Option[] { force, all, quarter })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(force) is null) == !result.GetValue(all))
            {
                result.AddError("Give --force NAME or --all.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var reconciliation = new Reconciliation(store);
            var q = parse.GetValue(quarter)!;
            if (parse.GetValue(all))
            {
                TableOutput.Show(await reconciliation.AllAsync(q, cancellationToken), parse);
                return;
            }

            var name = parse.GetValue(force)!;
            if (!PoliceForces.TryFind(name, out var found))
            {
                throw new CsaQueryException($"'{name}' is not a force: give a name (Thames Valley), a data.police.uk slug (thames-valley) or a police force area code.");
            }

            TableOutput.Show(await reconciliation.ForceAsync(found, q, cancellationToken), parse);
        }));
        return command;
    }
}
