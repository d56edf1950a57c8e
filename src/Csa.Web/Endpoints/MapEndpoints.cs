using System.Text;
using Csa.Analysis.Disclosure;
using Csa.Analysis.Places;
using Csa.Core.Geography;
using Csa.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Csa.Web.Endpoints;

/// <summary>/api/boundaries (ward polygons of an area, as GeoJSON) and /api/series (a ward's or area's monthly counts).</summary>
public static class MapEndpoints
{
    /// <summary>A month's count (null: suppressed in public mode, or no data held for the month).</summary>
    public sealed record MonthCountDto(string Month, long? Crimes, bool Gap);

    /// <summary>A monthly series.</summary>
    public sealed record SeriesDto(string Area, string Category, bool Suppressed, IReadOnlyList<MonthCountDto> Months, IReadOnlyList<string> Notes);

    /// <summary>Maps the endpoints into the /api group's rules (login unless public).</summary>
    public static void MapMapEndpoints(this IEndpointRouteBuilder app)
    {
        var api = ApiParameters.Group(app);

        api.MapGet("/boundaries", async Task<Results<ContentHttpResult, ValidationProblem>> (string? area, string? level, IStoreReaders stores, CancellationToken cancellationToken) =>
        {
            await using var store = await stores.OpenAsync(cancellationToken);
            var errors = new Dictionary<string, string[]>();
            var places = ApiParameters.Level(level, errors);
            if (await ApiParameters.AreaAsync(store, area, errors, cancellationToken) is not { } resolved || errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var codes = places == PlaceLevel.Ward ? await store.GetWardsAsync(resolved, cancellationToken) : await store.GetLsoasAsync(resolved, cancellationToken);
            var boundaries = await store.GetBoundariesAsync(places == PlaceLevel.Ward ? "ward" : Hotspots.BoundaryKind, [.. codes.Select(w => w.Code)], cancellationToken);
            if (boundaries.Count == 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["area"] = [$"No {(places == PlaceLevel.Ward ? "ward" : "2011 LSOA")} boundaries are held for {resolved.Describe()}: import them with csa import boundaries FILE."] });
            }

            var json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
            json.AppendJoin(',', boundaries.Select(b =>
                $"{{\"type\":\"Feature\",\"properties\":{{\"code\":{System.Text.Json.JsonSerializer.Serialize(b.Code)},\"name\":{System.Text.Json.JsonSerializer.Serialize(b.Name)}}},\"geometry\":{b.GeoJson}}}"));
            json.Append("]}");
            return TypedResults.Content(json.ToString(), "application/geo+json");
        }).WithName("Boundaries").WithSummary("The ward (or, with level=lsoa, 2011 LSOA) boundaries of an area as GeoJSON, simplified on import with csa import boundaries.")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");

        api.MapGet("/series", async Task<Results<Ok<SeriesDto>, ValidationProblem>> (string? area, string? category, IStoreReaders stores, DisclosureService disclosure, CancellationToken cancellationToken) =>
        {
            await using var store = await stores.OpenAsync(cancellationToken);
            var errors = new Dictionary<string, string[]>();
            var resolved = await ApiParameters.AreaAsync(store, area, errors, cancellationToken);
            var type = ApiParameters.Category(category, errors);

            if (errors.Count > 0 || resolved is null)
            {
                return TypedResults.ValidationProblem(errors);
            }

            // The one coverage model: a month is held when every home force's file is; others are gaps, never zeros.
            var coverage = await Analysis.Coverage.StreetCoverage.LoadAsync(store, resolved, cancellationToken);
            var months = coverage.Complete(null, null);
            var counts = await store.CountAsync(new CountQuery(resolved, months, CountGrouping.Month | CountGrouping.CrimeType), cancellationToken);
            var list = months.Months.ToArray();
            var heldMonths = coverage.HeldMonths(months).ToHashSet();
            var totals = list.Select(m => counts.Where(c => c.Month == m && StreetCategory.Includes(type, c)).Sum(c => c.Count)).ToArray();
            var notes = new List<string> { "data.police.uk street-level data; Open Government Licence v3.0. A month with no data held is a gap, not a zero." };
            notes.AddRange(coverage.NotesFor(months));
            if (disclosure.Active)
            {
                notes.Add(DisclosureService.StreetNote);
            }

            return TypedResults.Ok(new SeriesDto(
                resolved.Describe(), type, false,
                [.. list.Select((m, i) => heldMonths.Contains(m) ? new MonthCountDto(m.ToString(), totals[i], false) : new MonthCountDto(m.ToString(), null, true))],
                notes));
        }).WithName("MonthlySeries").WithSummary("Monthly crimes of a category in an area or ward, for the chart beside the map.");
    }
}
