using Csa.Analysis.Disclosure;
using Csa.Analysis.Places;
using Csa.Core.Classification;
using Csa.Core.Geography;
using Csa.Storage;
using Csa.Web.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Csa.Web.Endpoints;

/// <summary>/api/config, /api/areas, and /api/wards and /api/lsoas: counts and rates by small area for the map, through disclosure control.</summary>
public static class AreaEndpoints
{
    /// <summary>What the page needs to know: the mode, the suppression rule, the categories and markers, any tile layer,
    /// and the months of street data and of the extract held (null when none).</summary>
    public sealed record ConfigDto(
        bool Public, int SuppressUpTo, IReadOnlyList<string> Categories, IReadOnlyDictionary<string, string> Markers, IReadOnlyList<string> RestrictedMarkers,
        string? TileUrl, string? TileAttribution, string? StreetMonths, string? ExtractMonths);

    /// <summary>An area found by code or name.</summary>
    public sealed record AreaDto(string Code, string Name, string Level, string? Parent);

    /// <summary>A ward's or LSOA's count and rate per 1,000 with its 95% interval (nulls: suppressed, or no population estimate held).</summary>
    public sealed record PlaceDto(string Code, string Name, long? Crimes, double? Population, double? Rate, double? RateLower, double? RateUpper);

    /// <summary>Counts and rates by ward or LSOA, with what the numbers are.</summary>
    public sealed record PlacesDto(string Area, string Period, string Category, string Level, int? PopulationYear, bool Suppressed, IReadOnlyList<PlaceDto> Places, IReadOnlyList<string> Notes);

    /// <summary>Maps the endpoints into the /api group (login required unless the atlas is public).</summary>
    public static void MapAreaEndpoints(this IEndpointRouteBuilder app)
    {
        var api = ApiParameters.Group(app);

        api.MapGet("/config", async (IOptions<AtlasOptions> options, IStoreReaders stores, CancellationToken cancellationToken) =>
        {
            var o = options.Value;
            await using var store = await stores.OpenAsync(cancellationToken);
            var street = await store.GetHeldStreetMonthsAsync(null, cancellationToken);
            var extract = await store.GetExtractCoverageAsync(cancellationToken);
            return TypedResults.Ok(new ConfigDto(
                o.Public, o.SuppressUpTo, StreetCategory.All, Markers.All, o.EffectiveRestrictedMarkers, o.TileUrl, o.TileAttribution,
                street.Count == 0 ? null : Core.Period.Create(street.Min(m => m.Month), street.Max(m => m.Month)).ToString(), extract?.ToString()));
        }).WithName("Config").WithSummary("The atlas's mode, suppression threshold, categories, markers, tile layer, and the months of data held.");

        api.MapGet("/areas", async Task<Results<Ok<IReadOnlyList<AreaDto>>, ValidationProblem>> (string? q, IStoreReaders stores, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["Give a code or name: /api/areas?q=Huntingdonshire."] });
            }

            await using var store = await stores.OpenAsync(cancellationToken);
            var areas = await store.FindAreasAsync(q, cancellationToken);
            return TypedResults.Ok<IReadOnlyList<AreaDto>>([.. areas.Select(a => new AreaDto(a.Code, a.Name, a.Level.ToString(), a.ParentName))]);
        }).WithName("FindAreas").WithSummary("Areas whose code or name is q.");

        api.MapGet("/wards", (string? area, string? period, string? category, IStoreReaders stores, DisclosureService disclosure, CancellationToken cancellationToken) =>
            PlacesAsync(area, period, category, PlaceLevel.Ward, stores, disclosure, cancellationToken))
            .WithName("WardIndicators").WithSummary("Crimes of a category by ward of an area over a period, with rates per 1,000 residents: the map's indicator.");

        api.MapGet("/lsoas", (string? area, string? period, string? category, IStoreReaders stores, DisclosureService disclosure, CancellationToken cancellationToken) =>
            PlacesAsync(area, period, category, PlaceLevel.Lsoa, stores, disclosure, cancellationToken))
            .WithName("LsoaIndicators").WithSummary("Crimes of a category by 2011 LSOA of an area over a period, with rates per 1,000 residents.");
    }

    static async Task<Results<Ok<PlacesDto>, ValidationProblem>> PlacesAsync(string? area, string? period, string? category, PlaceLevel level, IStoreReaders stores, DisclosureService disclosure, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        await using var store = await stores.OpenAsync(cancellationToken);
        if (await ApiParameters.ReadAsync(store, area, period, category, errors, cancellationToken) is not var (resolved, parsed, type))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var set = await new PlaceIndicators(store).BuildAsync(resolved, parsed, type, level, cancellationToken);
        var notes = set.Notes.ToList();
        if (disclosure.Active)
        {
            notes.Add(DisclosureService.StreetNote);
        }

        return TypedResults.Ok(new PlacesDto(
            resolved.Describe(), parsed.ToString(), type, level.ToString().ToLowerInvariant(), set.PopulationYear, false,
            [.. set.Places.Select(p => new PlaceDto(p.Code, p.Name, p.Crimes, p.Rate?.Population, Round(p.Rate?.Value), Round(p.Rate?.Interval.Lower), Round(p.Rate?.Interval.Upper)))],
            notes));
    }

    static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
