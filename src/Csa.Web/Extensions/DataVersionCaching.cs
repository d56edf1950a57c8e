using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Csa.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Csa.Web.Extensions;

/// <summary>Answers that only change with the data: every API GET carries an ETag made from the store's
/// <see cref="IStoreReaders.DataVersion"/> (and the atlas's settings and csa's version), a client's repeat with that tag gets
/// 304 without a query, and public answers are kept in a response cache keyed by the same version, so an import makes
/// every tag and cached answer stale at once.</summary>
static class DataVersionCaching
{
    /// <summary>Adds the response cache: API GETs only, per URL and data version (the default policy already leaves out
    /// signed-in users' answers and anything but a 200).</summary>
    public static void AddDataVersionCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 128L << 20;
            options.MaximumBodySize = 16L << 20;
            options.AddBasePolicy(policy => policy
                .With(context => IsApiRead(context.HttpContext.Request) && context.HttpContext.RequestServices.GetRequiredService<IOptions<AtlasOptions>>().Value.KeepAnswers)
                .VaryByValue(context => new KeyValuePair<string, string>("data", DataVersionOf(context)))
                .Expire(TimeSpan.FromMinutes(10)));
        });
    }

    /// <summary>Tags API answers and answers 304 to a client that holds the current one. After authorisation, so a 304
    /// goes only to those allowed the answer.</summary>
    public static void UseDataVersionETags(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AtlasOptions>>().Value;
        var settings = string.Join(
            '|',
            options.Public,
            options.SuppressUpTo,
            options.SecondarySuppression,
            string.Join(',', options.EffectiveRestrictedMarkers),
            typeof(DataVersionCaching).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
        var cacheControl = options.Public ? "public, no-cache" : "private, no-cache";
        app.Use(async (context, next) =>
        {
            if (!IsApiRead(context.Request))
            {
                await next(context);
                return;
            }

            var tag = new EntityTagHeaderValue($"\"{Hash(settings + "|" + DataVersionOf(context))}\"", isWeak: true);
            if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var held) && held.Any(h => h.Compare(tag, useStrongComparison: false)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.Headers.ETag = tag.ToString();
                context.Response.Headers.CacheControl = cacheControl;
                return;
            }

            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.Headers.ETag = tag.ToString();
                    context.Response.Headers.CacheControl = cacheControl;
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
        app.UseOutputCache();
    }

    /// <summary>The store's data version as this request sees it: read once (it stats the store's files), for the tag and
    /// the response cache's key alike.</summary>
    static string DataVersionOf(HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(DataVersionCaching), out var held) && held is string version)
        {
            return version;
        }

        version = context.RequestServices.GetRequiredService<IStoreReaders>().DataVersion;
        context.Items[typeof(DataVersionCaching)] = version;
        return version;
    }

    static bool IsApiRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
}
