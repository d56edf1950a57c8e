using Csa.Analysis.Places;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;
using Csa.Web.Extensions;
using Microsoft.Extensions.Options;

namespace Csa.Web.Endpoints;

/// <summary>What the /api endpoints share: the group's access rule, and reading the parameters every endpoint takes.
/// Each reader adds its reason to <c>errors</c> (answered as a 400) instead of throwing.</summary>
static class ApiParameters
{
    /// <summary>The /api group: login required unless the atlas is public.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        if (!app.ServiceProvider.GetRequiredService<IOptions<AtlasOptions>>().Value.Public)
        {
            api.RequireAuthorization();
        }

        return api;
    }

    /// <summary>The category asked for (all crime when none), with the reason added to <paramref name="errors"/> when it is not one.</summary>
    public static string Category(string? category, Dictionary<string, string[]> errors)
    {
        var type = category ?? StreetCategory.AllCrime;
        if (!StreetCategory.IsKnown(type))
        {
            errors["category"] = [$"'{type}' is not a category: give All crime or one of data.police.uk's crime types."];
        }

        return type;
    }

    /// <summary>The period named by <paramref name="text"/> under the parameter <paramref name="name"/>, or null with the reason.</summary>
    public static Period? Period(string? text, Dictionary<string, string[]> errors, string name = "period")
    {
        if (text is null)
        {
            errors[name] = [$"Give a {name}: 2019-07..2019-09, 2019 or FY2019/20."];
            return null;
        }

        if (!Core.Period.TryParse(text, out var parsed, out var error))
        {
            errors[name] = [error];
            return null;
        }

        return parsed;
    }

    /// <summary>The map level: wards unless <c>lsoa</c> is asked for.</summary>
    public static PlaceLevel Level(string? level, Dictionary<string, string[]> errors)
    {
        switch (level?.ToUpperInvariant())
        {
            case null or "WARD":
                return PlaceLevel.Ward;
            case "LSOA":
                return PlaceLevel.Lsoa;
            default:
                errors["level"] = [$"'{level}' is not a map level: give ward or lsoa."];
                return PlaceLevel.Ward;
        }
    }

    /// <summary>An endpoint's area, period and category, read together.</summary>
    public sealed record AreaQuery(Area Area, Period Period, string Category);

    /// <summary>Reads the area, period and category every query endpoint takes; null when any of them, or anything
    /// already in <paramref name="errors"/>, is wrong (then answer <c>ValidationProblem(errors)</c>).</summary>
    public static async Task<AreaQuery?> ReadAsync(ICsaStore store, string? area, string? period, string? category, Dictionary<string, string[]> errors, CancellationToken cancellationToken, string periodName = "period")
    {
        var parsed = Period(period, errors, periodName);
        var type = Category(category, errors);
        var resolved = await AreaAsync(store, area, errors, cancellationToken);
        return errors.Count == 0 && resolved is not null && parsed is not null ? new AreaQuery(resolved, parsed, type) : null;
    }

    /// <summary>The one area named by <paramref name="area"/>, or null with the reason added to <paramref name="errors"/>.</summary>
    public static async Task<Area?> AreaAsync(ICsaStore store, string? area, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var found = area is null ? [] : await store.FindAreasAsync(area, cancellationToken);
        if (found.Count == 1)
        {
            return found[0];
        }

        errors["area"] = [area is null ? "Give an area: ?area=Huntingdonshire (or a ward's code)." : found.Count == 0 ? $"No area has the code or name '{area}'." : $"'{area}' names {found.Count} areas: give the code."];
        return null;
    }

}
