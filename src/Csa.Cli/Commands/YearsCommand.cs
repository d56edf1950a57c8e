using System.CommandLine;
using System.Globalization;
using Csa.Analysis;
using Csa.Analysis.Comparison;
using Csa.Analysis.Official;
using Csa.Analysis.Trees;
using Csa.Cli.Output;

namespace Csa.Cli.Commands;

/// <summary><c>csa years</c>: a category by financial or calendar year, with sub-categories and the change.</summary>
static class YearsCommand
{
    public static Command Create()
    {
        var area = CommonOptions.Area(required: true);
        var category = new Option<string>("--category") { Description = "A row of the tree (for the seed tree: \"All Violence Against The Person\").", Required = true };
        var by = new Option<string?>("--by") { Description = "subcategory: add a column per sub-category (the rows beneath it in the tree)." };
        by.AcceptOnlyFromAmong("subcategory");
        var fy = new Option<bool>("--fy") { Description = "Financial years, April to March (the default)." };
        var calendar = new Option<bool>("--calendar") { Description = "Calendar years." };
        var from = YearOption("--from", "The first year: 2013/14 (or 2013) for financial years, 2013 for calendar years.");
        var to = YearOption("--to", "The last year, written the same way.");
        var tree = CommonOptions.Tree();
        var exclude = CommonOptions.Exclude();
        var rates = new Option<bool>("--rates") { Description = "Add each year's population and the category's rate per 1,000 (the long-run rate)." };
        var populationYear = CommonOptions.PopulationYear();
        var source = new Option<string?>("--source")
        {
            Description = "prc: the Home Office's recorded crime tables (csa import prc), for a force area or partnership, by financial year from 2012/13, with rates per 1,000; the category is \"Total recorded crime (excluding fraud)\", an offence group, subgroup or code. By default: the local extract, else data.police.uk street data.",
        };
        source.AcceptOnlyFromAmong("prc");
        var command = new Command("years", "Count a category by year (and sub-category), with the change from the first year shown to the last.");
        foreach (var option in new Option[] { area, category, by, fy, calendar, from, to, tree, exclude, rates, populationYear, source })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(fy) && result.GetValue(calendar))
            {
                result.AddError("Give --fy or --calendar, not both.");
            }

            if (result.GetValue(source) == "prc" && (result.GetValue(by) is not null || result.GetValue(calendar) || (result.GetValue(exclude) ?? []).Length > 0 || result.GetValue(populationYear) is not null))
            {
                result.AddError("--source prc counts financial years from the Home Office's own groups, with rates: --by, --calendar, --exclude and --population-year do not apply.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            if (parse.GetValue(source) == "prc")
            {
                TableOutput.Show(await new HomeOfficeYears(store).BuildAsync(resolved, parse.GetValue(category)!, parse.GetValue(from) is { } f ? new Core.FinancialYear(f) : null, parse.GetValue(to) is { } t ? new Core.FinancialYear(t) : null, cancellationToken), parse);
                return;
            }

            var table = await new YearlyBreakdown(store).BuildAsync(
                new YearsQuery(
                    resolved,
                    CategoryTrees.Load(parse.GetValue(tree)!),
                    parse.GetValue(category)!,
                    parse.GetValue(by) is not null,
                    !parse.GetValue(calendar),
                    parse.GetValue(from),
                    parse.GetValue(to),
                    parse.GetValue(exclude) ?? [],
                    parse.GetValue(rates),
                    parse.GetValue(populationYear)),
                cancellationToken);
            TableOutput.Show(table, parse);
        }));
        return command;
    }

    internal static Option<int?> YearOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value.Trim();
            var start = text.Length == 7 && text[4] == '/' ? text[..4] : text;
            if (start.Length == 4 && int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && (text.Length == 4 || int.Parse(text[5..], CultureInfo.InvariantCulture) == (year + 1) % 100))
            {
                return year;
            }

            result.AddError($"{name} '{text}' is not a year: write 2013 or, for a financial year, 2013/14.");
            return null;
        },
    };
}
