using Csa.Core.Geography;
using Csa.Core.PoliceUk;
using Csa.Storage;
using Csa.Web.Extensions;
using Microsoft.Extensions.Options;

namespace Csa.Web.Endpoints;

/// <summary>What the /api endpoints share: the group's access rule, and reading the area parameter.</summary>
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

    /// <summary>Every crime: the default category.</summary>
    public const string AllCrime = "All crime";

    /// <summary>The category asked for (all crime when none), with the reason added to <paramref name="errors"/> when it is not one.</summary>
    public static string Category(string? category, Dictionary<string, string[]> errors)
    {
        var type = category ?? AllCrime;
        if (type != AllCrime && !PoliceUkCrimeTypes.Crimes.Contains(type))
        {
            errors["category"] = [$"'{type}' is not a category: give All crime or one of data.police.uk's crime types."];
        }

        return type;
    }

    /// <summary>Whether a count belongs to the category: crime (never anti-social behaviour) of that type, or any crime type for all crime.</summary>
    public static bool IsIn(CrimeCountRow count, string category) =>
        !count.IsAntiSocialBehaviour && (category == AllCrime || count.CrimeType == category);

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
