namespace Csa.Web.Extensions;

/// <summary>The headers every answer of the atlas carries: a Content-Security-Policy the page passes (scripts only from the
/// app itself, no inline script; images also from the configured tile server), no framing, no MIME sniffing, no referrer,
/// and HSTS over https.</summary>
static class SecurityHeaders
{
    /// <summary>The policy: styles may be inline (the page's charts and legend set them), scripts may not.</summary>
    public static string ContentSecurityPolicy(string? tileUrl) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data:{(TileSource(tileUrl) is { } tiles ? " " + tiles : string.Empty)}; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The tile server's origin as a CSP source ({s} sub-domains as a wildcard), or null when there is none.</summary>
    static string? TileSource(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return null;
        }

        var scheme = tileUrl.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var end = tileUrl.IndexOf('/', scheme + 3);
        var origin = end < 0 ? tileUrl : tileUrl[..end];
        return origin.Replace("{s}", "*", StringComparison.Ordinal).Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>Adds the headers to every answer.</summary>
    public static void UseSecurityHeaders(this WebApplication app, string? tileUrl)
    {
        var policy = ContentSecurityPolicy(tileUrl);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            await next(context);
        });
    }
}
