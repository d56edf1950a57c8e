using Csa.Core;
using Csa.Storage;
using Csa.Web.Disclosure;
using Csa.Web.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Csa.Web.Endpoints;

/// <summary>/api/areas and /api/wards: area look-up, and counts by ward for the map, through disclosure control.</summary>
public static class AreaEndpoints
{
    /// <summary>An area found by code or name.</summary>
    public sealed record AreaDto(string Code, string Name, string Level, string? Parent);

    /// <summary>A ward's count (null: suppressed in public mode).</summary>
    public sealed record WardCountDto(string Code, string Name, long? Crimes);

    /// <summary>Counts by ward, with what the numbers are.</summary>
    public sealed record WardCountsDto(string Area, string Period, string Category, bool Suppressed, IReadOnlyList<WardCountDto> Wards, IReadOnlyList<string> Notes);

    /// <summary>Maps the /api group (login required unless the atlas is public).</summary>
    public static void MapAreaEndpoints(this IEndpointRouteBuilder app)
    {
        var api = ApiParameters.Group(app);

        api.MapGet("/areas", async Task<Results<Ok<IReadOnlyList<AreaDto>>, ValidationProblem>> (string? q, StoreAccess stores, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["Give a code or name: /api/areas?q=Huntingdonshire."] });
            }

            await using var store = await stores.OpenAsync(cancellationToken);
            var areas = await store.FindAreasAsync(q, cancellationToken);
            return TypedResults.Ok<IReadOnlyList<AreaDto>>([.. areas.Select(a => new AreaDto(a.Code, a.Name, a.Level.ToString(), a.ParentName))]);
        }).WithName("FindAreas").WithSummary("Areas whose code or name is q.");

        api.MapGet("/wards", async Task<Results<Ok<WardCountsDto>, ValidationProblem>> (string? area, string? period, string? category, StoreAccess stores, DisclosureControl disclosure, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            Period? parsed = null;
            if (period is null)
            {
                errors["period"] = ["Give a period: 2019-07..2019-09, 2019 or FY2019/20."];
            }
            else if (!Period.TryParse(period, out parsed, out var periodError))
            {
                errors["period"] = [periodError];
            }

            var type = ApiParameters.Category(category, errors);

            await using var store = await stores.OpenAsync(cancellationToken);
            var resolved = await ApiParameters.AreaAsync(store, area, errors, cancellationToken);
            if (errors.Count > 0 || resolved is null)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var counts = await store.CountAsync(new CountQuery(resolved, parsed!, CountGrouping.Ward | CountGrouping.CrimeType), cancellationToken);
            var wards = await store.GetWardsAsync(resolved, cancellationToken);
            var totals = wards.Select(w => counts.Where(c => c.WardCode == w.Code && ApiParameters.IsIn(c, type)).Sum(c => c.Count)).ToArray();
            var shown = disclosure.Apply(totals);
            var notes = new List<string> { "data.police.uk street-level data; Open Government Licence v3.0." };
            if (disclosure.Active)
            {
                notes.Add("Counts from 1 to 4 are not shown, nor a second count where one would reveal them.");
            }

            return TypedResults.Ok(new WardCountsDto(
                resolved.Describe(), parsed!.ToString(), type, disclosure.Active,
                [.. wards.Select((w, i) => new WardCountDto(w.Code, w.Name, shown[i]))],
                notes));
        }).WithName("WardCounts").WithSummary("Crimes of a category by ward of an area, for the map.");
    }
}
