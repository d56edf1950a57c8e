using System.CommandLine;
using Csa.Analysis;
using Csa.Analysis.Places;
using Csa.Cli.Output;
using Csa.Core.Classification;

namespace Csa.Cli.Commands;

/// <summary><c>csa hotspots</c> and <c>csa pyramid</c>: the atlas's analyses as tables an analyst can open in Excel.</summary>
static class PlacesCommands
{
    public static Command Hotspots()
    {
        var area = CommonOptions.Area(required: true);
        var period = CommonOptions.PeriodOption("--period", "The period: 2019-07..2019-09, 2019 or FY2019/20.", required: true);
        var category = Category();
        var fdr = new Option<bool>("--fdr") { Description = "Adjust the p values for the number of LSOAs tested (Benjamini–Hochberg false discovery rate)." };
        var command = new Command("hotspots", "Hot and cold spots of a category: Getis-Ord Gi* on LSOA rates per 1,000, neighbours from the held LSOA boundaries (queen contiguity), 90/95/99% confidence.");
        foreach (var option in new Option[] { area, period, category, fdr })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var set = await new Hotspots(store).BuildAsync(resolved, parse.GetValue(period)!, parse.GetValue(category)!, parse.GetValue(fdr), cancellationToken);
            TableOutput.Show(PlaceTables.Hotspots(set), parse);
        }));
        return command;
    }

    public static Command Pyramid()
    {
        var area = CommonOptions.Area(required: true);
        var period = CommonOptions.PeriodOption("--period", "The period: 2016, FY2016/17 or 2016-04..2017-03.", required: true);
        var marker = new Option<string?>("--marker") { Description = $"Only crimes with this marker: {string.Join(", ", Markers.All.Keys)}." };
        var command = new Command("pyramid", "Victims and offenders of the local extract's crimes by age band and sex (the \"Pyramid of Crime\").");
        foreach (var option in new Option[] { area, period, marker })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(marker) is { } key && !Markers.IsKnown(key))
            {
                result.AddError($"--marker '{key}' is not a marker: give one of {string.Join(", ", Markers.All.Keys)}.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var set = await new AgeSexPyramid(store).BuildAsync(resolved, parse.GetValue(period)!, parse.GetValue(marker), cancellationToken);
            TableOutput.Show(PlaceTables.Pyramid(set), parse);
        }));
        return command;
    }

    static Option<string> Category()
    {
        var category = new Option<string>("--category") { Description = "All crime, or one of data.police.uk's crime types.", DefaultValueFactory = _ => StreetCategory.AllCrime };
        category.AcceptOnlyFromAmong([.. StreetCategory.All]);
        return category;
    }
}
