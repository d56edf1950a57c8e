using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Csa.Storage;
using Csa.Web.Extensions;

namespace Csa.Web;

/// <summary>Runs the atlas from another program (<c>csa serve</c>).</summary>
public static class AtlasHost
{
    /// <summary>Serves the atlas with <paramref name="options"/> on <paramref name="urls"/> until cancelled, https URLs with
    /// <paramref name="certificate"/>, reading the store through <paramref name="readers"/> (the caller knows its backend).</summary>
    public static async Task RunAsync(AtlasOptions options, string urls, X509Certificate2? certificate, Func<IServiceProvider, IStoreReaders> readers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        if (certificate is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var settings = new Dictionary<string, string?>
        {
            ["Atlas:Public"] = options.Public ? "true" : "false",
            ["Atlas:SuppressUpTo"] = options.SuppressUpTo.ToString(CultureInfo.InvariantCulture),
            ["Atlas:TileUrl"] = options.TileUrl,
            ["Atlas:TileAttribution"] = options.TileAttribution,
            ["Atlas:KeepAnswers"] = options.KeepAnswers ? "true" : "false",
            ["Atlas:KeyFolder"] = options.KeyFolder,
        };
        for (var i = 0; i < (options.KnownProxies?.Length ?? 0); i++)
        {
            settings[$"Atlas:KnownProxies:{i}"] = options.KnownProxies![i];
        }

        for (var i = 0; i < (options.RestrictedMarkers?.Length ?? 0); i++)
        {
            settings[$"Atlas:RestrictedMarkers:{i}"] = options.RestrictedMarkers![i];
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCsaAtlas(readers);
        await using var app = builder.Build();
        app.MapCsaAtlas();
        await app.RunAsync(cancellationToken);
    }
}
