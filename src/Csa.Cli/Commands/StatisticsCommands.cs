using System.CommandLine;
using System.Globalization;
using Csa.Analysis;
using Csa.Analysis.Comparison;
using Csa.Analysis.Rates;
using Csa.Analysis.Trees;
using Csa.Cli.Output;
using Csa.Ingest.Population;
using Csa.Ingest.Series;

namespace Csa.Cli.Commands;

/// <summary>Population and partner-series imports, and the commands that weigh numbers: rates, msg, monthly, triangulate.</summary>
static class StatisticsCommands
{
    public static Command ImportPopulation()
    {
        var file = new Argument<string>("FILE") { Description = "ONS mid-year population estimates: by LSOA (2011 or 2021 codes) for one year, or by district for every year (ONS's workbook, sheet MYE4, or its long CSV with lad23cd, year, population)." };
        var year = new Option<int?>("--year") { Description = "The estimate's year (mid-year); read from a file name such as …-mid2015.csv when omitted." };
        var command = new Command("population", "Import ONS mid-year population estimates, by LSOA or by district; they replace the held estimates of the same years.");
        command.Arguments.Add(file);
        command.Options.Add(year);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            await ImportPopulationAsync(store, parse.GetValue(file)!, parse.GetValue(year), cancellationToken);
        }));
        return command;
    }

    internal static async Task ImportPopulationAsync(Storage.ICsaStore store, string file, int? year, CancellationToken cancellationToken)
    {
        var firstLine = File.Exists(file) && !file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? File.ReadLines(file).FirstOrDefault() : null;
        if (DistrictPopulationReader.Recognises(file, firstLine))
        {
            var (estimates, districtSource) = await DistrictPopulationReader.ReadAsync(file, cancellationToken);
            await store.ImportDistrictPopulationAsync(estimates, districtSource, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {file}: district population estimates for {estimates.Select(e => e.Code).Distinct().Count():N0} districts, mid-{estimates.Min(e => e.Year)} to mid-{estimates.Max(e => e.Year)}. Districts, partnerships and force areas now use these, year by year (a council merged since 2019 counts for its former districts together)."));
            return;
        }

        var (resolved, populations, source) = await PopulationReader.ReadAsync(file, year, cancellationToken);
        await store.ImportPopulationAsync(resolved, populations, source, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {file}: mid-{resolved} population estimates for {populations.Count:N0} LSOAs ({populations.Values.Sum():N0} people)."));
    }

    public static Command ImportDeprivation()
    {
        var file = new Argument<string>("FILE") { Description = "The English Index of Multiple Deprivation rank by 2011 LSOA (LSOA11CD, IMD19)." };
        var command = new Command("deprivation", "Import deprivation ranks by LSOA: an indicator for proposing most similar groups (csa msg --nearest).");
        command.Arguments.Add(file);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var (ranks, source) = await DeprivationReader.ReadAsync(parse.GetValue(file)!, cancellationToken);
            await store.ImportDeprivationAsync(ranks, source, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {parse.GetValue(file)}: deprivation ranks for {ranks.Count:N0} LSOAs."));
        }));
        return command;
    }

    public static Command ImportBoundaries()
    {
        var files = new Argument<string[]>("FILE") { Description = "ONS boundary GeoJSON (WGS84): wards (WDyyCD), LSOAs (LSOA11CD, LSOA21CD) or districts (LADyyCD).", Arity = ArgumentArity.OneOrMore };
        var tolerance = new Option<double>("--tolerance") { Description = "Simplification tolerance in degrees (default 0.0001, about 10 m).", DefaultValueFactory = _ => Ingest.Boundaries.BoundaryReader.DefaultTolerance };
        var command = new Command("boundaries", "Import area boundaries, simplified for the web; a code already held is replaced.");
        command.Arguments.Add(files);
        command.Options.Add(tolerance);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            await ImportBoundariesAsync(store, parse.GetValue(files)!, parse.GetValue(tolerance), cancellationToken);
        }));
        return command;
    }

    /// <summary>Reads and checks every file, then imports them all in one transaction: a bad file changes nothing.</summary>
    internal static async Task ImportBoundariesAsync(Storage.ICsaStore store, IReadOnlyList<string> files, double tolerance, CancellationToken cancellationToken)
    {
        var read = new List<Storage.BoundaryFile>();
        foreach (var file in files)
        {
            var (boundaries, source) = await Ingest.Boundaries.BoundaryReader.ReadAsync(file, tolerance, cancellationToken);
            read.Add(new(boundaries, source));
        }

        await store.ImportBoundariesAsync(read, cancellationToken);
        foreach (var (file, (boundaries, _)) in files.Zip(read))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {file}: {boundaries.Count} {(boundaries.Count > 0 ? boundaries[0].Kind : "area")} boundaries, {boundaries.Sum(b => b.OriginalVertices):N0} vertices simplified to {boundaries.Sum(b => b.Vertices):N0}."));
        }
    }

    public static Command ImportSeries()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV of months (YYYY-MM) and counts, one month a row, with no gap." };
        var name = new Option<string>("--name") { Description = "The series' name (\"Ambulance call-outs (assault)\").", Required = true };
        var area = CommonOptions.Area(required: true);
        var command = new Command("series", "Import a partner's monthly series (ambulance call-outs, A&E attendances, council ASB) for an area.");
        command.Arguments.Add(file);
        command.Options.Add(name);
        command.Options.Add(area);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var (counts, source) = await PartnerSeriesReader.ReadAsync(parse.GetValue(file)!, cancellationToken);
            await store.ImportSeriesAsync(parse.GetValue(name)!, resolved, counts, source, cancellationToken);
            Console.WriteLine($"Imported {parse.GetValue(file)}: '{parse.GetValue(name)}' for {resolved.Describe()}, {counts.Count} months from {counts[0].Month} to {counts[^1].Month}.");
        }));
        return command;
    }

    public static Command Rates()
    {
        var area = CommonOptions.Area(required: true);
        var period = CommonOptions.PeriodOption("--period", "The period: 2016-01..2016-12, 2016 or FY2015/16.", required: true);
        var tree = CommonOptions.Tree();
        var populationYear = CommonOptions.PopulationYear();
        var confidence = new Option<string>("--confidence") { Description = "The intervals' confidence: 95 or 99.8 (Fingertips' two levels).", DefaultValueFactory = _ => "95" };
        confidence.AcceptOnlyFromAmong("95", "99.8");
        var command = new Command("rates", "Rates per 1,000 population with 95% confidence intervals for every row of a tree.");
        var rateSource = new Option<string?>("--source") { Description = "prc: the Home Office's recorded crime tables (csa import prc) for a force area or partnership, by their own groups and subgroups, over whole quarters." };
        rateSource.AcceptOnlyFromAmong("prc");
        foreach (var option in new Option[] { area, period, tree, populationYear, confidence, rateSource })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var level = parse.GetValue(confidence) == "99.8" ? 0.998 : 0.95;
            var table = parse.GetValue(rateSource) == "prc"
                ? await new RateTable(store).BuildHomeOfficeAsync(resolved, parse.GetValue(period)!, parse.GetValue(populationYear), level, cancellationToken)
                : await new RateTable(store).BuildAsync(resolved, parse.GetValue(period)!, CategoryTrees.Load(parse.GetValue(tree)!), parse.GetValue(populationYear), level, cancellationToken);
            TableOutput.Show(table, parse);
        }));
        return command;
    }

    public static Command MostSimilarGroup()
    {
        var area = CommonOptions.Area(required: true);
        var category = new Option<string>("--category") { Description = "A row of the tree (police-uk: \"Violence and sexual offences\").", Required = true };
        var period = CommonOptions.PeriodOption("--period", "The period (a 12-month window, or any).", required: true);
        var group = new Option<string?>("--group") { Description = "The group file: one ONS area code a line (partnerships or districts), the area among them." };
        var nearest = new Option<int?>("--nearest") { Description = "No official group: propose one of this many districts or partnerships, nearest on Census 2021 indicators (the method, distances and the overlap with ONS's similar areas are shown)." };
        var comparison = new Option<string?>("--table") { Description = "An analyst's comparison table (exported from iQuanta or similar): a CSV of area (code or name), count and population per member, the area among them; ranked as given." };
        var indicators = new Option<string[]>("--indicators")
        {
            Description = $"With --nearest: the indicators to use (default all): {string.Join(", ", Analysis.Rates.CensusIndicators.All.Select(i => i.Key))}.",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        var distance = new Option<string>("--distance") { Description = "With --nearest: euclidean (the default) or manhattan.", DefaultValueFactory = _ => "euclidean" };
        distance.AcceptOnlyFromAmong("euclidean", "manhattan");
        var tree = new Option<string>("--tree") { Description = "The tree whose row is the category.", DefaultValueFactory = _ => "police-uk" };
        var excludeSelf = new Option<bool>("--exclude-self") { Description = "Leave the area out of the group average (by default it is in, as the Home Office's MSF average was)." };
        var populationYear = CommonOptions.PopulationYear();
        var source = new Option<string?>("--source")
        {
            Description = "prc: rank force areas or partnerships (--group) on the Home Office's recorded crime tables (csa import prc), the category as they name it, over whole quarters.",
        };
        source.AcceptOnlyFromAmong("prc");
        var command = new Command("msg", "Rank the area's rate of a category in its most similar group, against the weighted group average, as iQuanta showed it.");
        foreach (var option in new Option[] { area, category, period, group, nearest, comparison, indicators, distance, tree, excludeSelf, populationYear, source })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.Validators.Add(result =>
        {
            if (new object?[] { result.GetValue(group), result.GetValue(nearest), result.GetValue(comparison) }.Count(v => v is not null) != 1)
            {
                result.AddError("Give one of --group FILE (an official group), --nearest N (a proposed one) or --table FILE (an analyst's comparison table with counts and populations).");
            }
            else if (result.GetValue(nearest) is < 2)
            {
                result.AddError("--nearest needs 2 or more.");
            }

            if (result.GetValue(source) == "prc" && (result.GetValue(nearest) is not null || result.GetResult(tree) is { Implicit: false }))
            {
                result.AddError("--source prc ranks the members of a --group file on the Home Office's own categories: --nearest and --tree do not apply.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var msg = new Analysis.Rates.MostSimilarGroup(store);
            var (categoryTree, label, window, withSelf, year) = (CategoryTrees.Load(parse.GetValue(tree)!), parse.GetValue(category)!, parse.GetValue(period)!, !parse.GetValue(excludeSelf), parse.GetValue(populationYear));
            var table = parse.GetValue(comparison) is { } comparisonFile
                ? await msg.BuildFromTableAsync(resolved, Analysis.Rates.MostSimilarGroup.ReadTable(comparisonFile), label, window, withSelf, comparisonFile, cancellationToken)
                : parse.GetValue(source) == "prc"
                ? await msg.BuildHomeOfficeAsync(resolved, Analysis.Rates.MostSimilarGroup.ReadGroup(parse.GetValue(group)!), label, window, withSelf, year, cancellationToken)
                : parse.GetValue(nearest) is { } size
                ? await msg.BuildNearestAsync(resolved, size, categoryTree, label, window, withSelf, year, new Analysis.Rates.NearestOptions(parse.GetValue(indicators), parse.GetValue(distance) == "manhattan"), cancellationToken)
                : await msg.BuildAsync(resolved, Analysis.Rates.MostSimilarGroup.ReadGroup(parse.GetValue(group)!), categoryTree, label, window, withSelf, year, cancellationToken);
            TableOutput.Show(table, parse);
        }));
        return command;
    }

    public static Command Monthly()
    {
        var area = CommonOptions.Area(required: true);
        var category = new Option<string>("--category") { Description = "A row of the tree.", Required = true };
        var from = CommonOptions.MonthOption("--from", "The first month; the first held when omitted.");
        var to = CommonOptions.MonthOption("--to", "The last month; the last held when omitted.");
        var tree = CommonOptions.Tree();
        var exclude = CommonOptions.Exclude();
        var command = new Command("monthly", "A category by month: 12-month rolling total, seasonal index, and XmR process limits with the months outside them flagged.");
        foreach (var option in new Option[] { area, category, from, to, tree, exclude })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var table = await new MonthlySeries(store).BuildAsync(
                resolved, CategoryTrees.Load(parse.GetValue(tree)!), parse.GetValue(category)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(exclude) ?? [], cancellationToken);
            TableOutput.Show(table, parse);
        }));
        return command;
    }

    public static Command Triangulate()
    {
        var area = CommonOptions.Area(required: true);
        var series = new Option<string>("--series") { Description = "The partner series' name, as imported.", Required = true };
        var category = new Option<string>("--category") { Description = "The police category to set beside it (a row of the tree).", Required = true };
        var tree = CommonOptions.Tree();
        var calendar = new Option<bool>("--calendar") { Description = "Calendar years (default: financial years)." };
        var from = YearsCommand.YearOption("--from", "The first (base) year.");
        var to = YearsCommand.YearOption("--to", "The last year.");
        var command = new Command("triangulate", "Police recorded crime beside a partner series by year, on a common index (first year = 100), with each series' change and significance.");
        foreach (var option in new Option[] { area, series, category, tree, calendar, from, to })
        {
            command.Options.Add(option);
        }

        CommonOptions.AddTableOutputs(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var table = await new Triangulation(store).BuildAsync(
                resolved, parse.GetValue(series)!, CategoryTrees.Load(parse.GetValue(tree)!), parse.GetValue(category)!, !parse.GetValue(calendar), parse.GetValue(from), parse.GetValue(to), cancellationToken);
            TableOutput.Show(table, parse);
        }));
        return command;
    }
}
