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

    /// <summary>An analyst's comparison table given as <c>CODE:COUNT:POPULATION,…</c> (at most 100 members), or null with the reason.</summary>
    public static IReadOnlyList<(string Area, long Count, double Population)>? ComparisonTable(string text, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        var members = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = new List<(string, long, double)>();
        foreach (var member in members.Take(101))
        {
            var parts = member.Split(':');
            if (parts.Length != 3 || parts[0].Length is 0 or > 100
                || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                || !double.TryParse(parts[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var population) || !(population is > 0 and < 1e10))
            {
                errors["table"] = [$"'{(member.Length > 60 ? member[..60] + "…" : member)}' is not a member of a comparison table: write CODE:COUNT:POPULATION (E07000011:1500:180000), members separated by commas."];
                return null;
            }

            rows.Add((parts[0], count, population));
        }

        if (rows.Count is < 2 or > 100)
        {
            errors["table"] = ["A comparison table has from 2 to 100 members."];
            return null;
        }

        return rows;
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
