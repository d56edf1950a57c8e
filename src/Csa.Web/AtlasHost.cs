using Csa.Web.Extensions;

namespace Csa.Web;

/// <summary>Runs the atlas from another program (<c>csa serve</c>).</summary>
public static class AtlasHost
{
    /// <summary>Serves the atlas over <paramref name="storePath"/> (read-only) until cancelled.</summary>
    public static async Task RunAsync(string storePath, string urls, bool isPublic, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.Configuration["Atlas:StorePath"] = Path.GetFullPath(storePath);
        builder.Configuration["Atlas:Public"] = isPublic ? "true" : "false";
        builder.AddCsaAtlas();
        await using var app = builder.Build();
        app.MapCsaAtlas();
        await app.RunAsync(cancellationToken);
    }
}
