using Csa.Analysis.Comparison;
using Csa.Analysis.Disclosure;
using Csa.Analysis.Places;
using Csa.Analysis.Rates;
using Csa.Analysis.Trees;
using Csa.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Csa.Web.Endpoints;

/// <summary>/api/compare (period comparison with significance), /api/msg (most-similar-group rank) and
/// /api/hotspots (Gi* on LSOA rates), through disclosure control.</summary>
public static class StatisticsEndpoints
{
    /// <summary>A period comparison from the one comparison engine (the same rows as <c>csa compare</c>): the percentage change
    /// and p-value as numbers, the change as the seed writes it beside them; counts, change and test are null where public
    /// mode hides a small count. The notes say which months were compared when some were left out.</summary>
    public sealed record ComparisonDto(
        string Area, string Category, string Current, string Previous, long? CurrentCrimes, long? PreviousCrimes, long? Change,
        double? PercentChange, string? ApparentChange, double? PValue, double? RateRatio, string? Verdict, bool SmallNumbers, bool Suppressed, IReadOnlyList<string> Notes);

    /// <summary>A table as the CLI writes it: title, columns, rows (null cells: not applicable, or suppressed), notes.</summary>
    public sealed record TableDto(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, bool Suppressed, IReadOnlyList<string> Notes);

    /// <summary>One LSOA's Gi*: z-score, p value (and the p value the class used), and class (hot99…cold99); rate null where public mode hides its count.</summary>
    public sealed record HotspotDto(string Code, string Name, double? Rate, int Neighbours, double? Z, double? PValue, double? DecisionPValue, string Class);

    /// <summary>Gi* hot and cold spots with the method stated.</summary>
    public sealed record HotspotsDto(string Area, string Period, string Category, int PopulationYear, bool FalseDiscoveryRate, IReadOnlyList<HotspotDto> Lsoas, IReadOnlyList<string> Notes);

    /// <summary>Maps the endpoints into the /api group's rules (login unless public).</summary>
    public static void MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = ApiParameters.Group(app);

        api.MapGet("/compare", async Task<Results<Ok<ComparisonDto>, ValidationProblem>> (string? area, string? current, string? previous, string? category, IStoreReaders stores, DisclosureService disclosure, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            var earlier = previous is null ? null : ApiParameters.Period(previous, errors, "previous");
            await using var store = await stores.OpenAsync(cancellationToken);
            if (await ApiParameters.ReadAsync(store, area, current, category, errors, cancellationToken, "current") is not var (resolved, later, type))
            {
                return TypedResults.ValidationProblem(errors);
            }

            var previousPeriod = earlier ?? PeriodComparison.EqualPeriodBefore(later);
            if (previousPeriod.To >= later.From)
            {
                throw new Core.CsaQueryException($"The previous period {previousPeriod} must end before the current period {later} begins.");
            }

            // The one comparison engine, as csa compare --tree police-uk: street data, the same months, one exposure rule.
            var tree = CategoryTrees.Load("police-uk");
            var result = await new PeriodComparison(store).CompareAsync(resolved, previousPeriod, later, tree with { Rows = [tree.Require(type)] }, [], streetOnly: true, cancellationToken);
            var row = result.Rows[0];
            var notes = result.Notes.ToList();
            if (disclosure.Active)
            {
                notes.Add(DisclosureService.StreetNote);
            }

            return TypedResults.Ok(new ComparisonDto(
                resolved.Describe(), type, later.ToString(), previousPeriod.ToString(), row.Later, row.Earlier, row.Change,
                (double?)row.PercentChange, row.ApparentChangeText, row.Test.PValue, double.IsFinite(row.Test.RateRatio) ? Math.Round(row.Test.RateRatio, 4) : null,
                row.Test.Describe(), row.Test.SmallNumbers, false, notes));
        }).WithName("ComparePeriods").WithSummary("An area's or ward's crimes of a category in two periods (previous: by default the equal period before), with the apparent change and the exact Poisson test.");

        api.MapGet("/msg", async Task<Results<Ok<TableDto>, ValidationProblem>> (string? area, string? period, string? category, string? group, int? nearest, string? table, IStoreReaders stores, DisclosureService disclosure, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            var codes = group?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            var figures = table is null ? null : ApiParameters.ComparisonTable(table, errors);
            if (new object?[] { codes.Length > 0 ? codes : null, nearest, table }.Count(v => v is not null) != 1)
            {
                errors["group"] = ["Give one of: the group's area codes (group=E07000011,E07000012,…), nearest=N to rank the area among its N nearest neighbours, or an analyst's comparison table (table=CODE:COUNT:POPULATION,… as exported from iQuanta)."];
            }
            else if (nearest is < 2 or > 30)
            {
                errors["nearest"] = ["nearest must be from 2 to 30."];
            }

            await using var store = await stores.OpenAsync(cancellationToken);
            if (await ApiParameters.ReadAsync(store, area, period, category, errors, cancellationToken) is not var (resolved, parsed, type))
            {
                return TypedResults.ValidationProblem(errors);
            }

            // The atlas rates with the held estimate nearest to the period (the later on a tie), as its map does.
            var year = PopulationChoice.NearestHeldYear((await store.GetPopulationAsync(resolved, cancellationToken)).Keys, PopulationChoice.YearFor(parsed));
            var tree = CategoryTrees.Load("police-uk");
            var msg = new MostSimilarGroup(store, streetOnly: true);
            // The atlas ranks data.police.uk street counts, never the force's extract (whose counts public mode protects).
            if (figures is not null)
            {
                // The analyst's own figures, echoed back ranked: nothing from the store is shown, so nothing to protect.
                var given = await msg.BuildFromTableAsync(resolved, figures, type, parsed, includeAreaInAverage: false, "the table= parameter", cancellationToken);
                return TypedResults.Ok(new TableDto(given.Title, given.Columns, given.Rows, false, given.Notes));
            }

            var ranked = nearest is { } size
                ? await msg.BuildNearestAsync(resolved, size, tree, type, parsed, includeAreaInAverage: false, year, cancellationToken: cancellationToken)
                : await msg.BuildAsync(resolved, codes, tree, type, parsed, includeAreaInAverage: false, year, cancellationToken);
            var notes = disclosure.Active ? [.. ranked.Notes, DisclosureService.StreetNote] : ranked.Notes;
            return TypedResults.Ok(new TableDto(ranked.Title, ranked.Columns, ranked.Rows, false, notes));
        }).WithName("MostSimilarGroupRank").WithSummary("An area's rate of a category per 1,000 ranked in its most similar group (named codes, its nearest neighbours on Census 2021 indicators, or an analyst's comparison table of counts and populations).");

        api.MapGet("/hotspots", async Task<Results<Ok<HotspotsDto>, ValidationProblem>> (string? area, string? period, string? category, bool? fdr, IStoreReaders stores, DisclosureService disclosure, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            await using var store = await stores.OpenAsync(cancellationToken);
            if (await ApiParameters.ReadAsync(store, area, period, category, errors, cancellationToken) is not var (resolved, parsed, type))
            {
                return TypedResults.ValidationProblem(errors);
            }

            var set = await new Hotspots(store).BuildAsync(resolved, parsed, type, fdr ?? false, cancellationToken);
            var notes = set.Notes.ToList();
            if (disclosure.Active)
            {
                notes.Add(DisclosureService.StreetNote);
            }

            return TypedResults.Ok(new HotspotsDto(
                resolved.Describe(), parsed.ToString(), type, set.PopulationYear, set.FalseDiscoveryRate,
                [.. set.Places.Select(p => new HotspotDto(
                    p.Code, p.Name, Math.Round(p.RatePerThousand, 2), p.Neighbours,
                    Round(p.Statistic.Z), Round(p.Statistic.PValue), Round(p.Statistic.DecisionPValue), ClassName(p.Statistic.Class)))],
                notes));
        }).WithName("Hotspots").WithSummary("Hot and cold spots of a category: Getis-Ord Gi* on LSOA rates per 1,000, neighbours from the LSOA boundaries (fdr=true adjusts for the number of LSOAs).");
    }

    /// <summary>The class as the page and the API name it: hot99, hot95, hot90, none, cold90…</summary>
    static string ClassName(Statistics.HotspotClass c) => c switch
    {
        Statistics.HotspotClass.Hot99 => "hot99",
        Statistics.HotspotClass.Hot95 => "hot95",
        Statistics.HotspotClass.Hot90 => "hot90",
        Statistics.HotspotClass.Cold90 => "cold90",
        Statistics.HotspotClass.Cold95 => "cold95",
        Statistics.HotspotClass.Cold99 => "cold99",
        _ => "none",
    };

    static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
