using Csa.Core.Geography;
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
