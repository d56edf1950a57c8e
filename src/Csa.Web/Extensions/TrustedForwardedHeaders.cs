using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Csa.Web.Extensions;

/// <summary>Forwarded headers believed from the configured reverse proxies only: behind a load balancer the client's address
/// (which failed logins are counted by) and scheme are the proxy's word; from anyone else the headers are ignored.</summary>
static class TrustedForwardedHeaders
{
    /// <summary>Uses <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from <paramref name="proxies"/>; nothing when none
    /// are configured.</summary>
    /// <exception cref="Core.CsaQueryException">A proxy is not an IP address.</exception>
    public static void UseTrustedForwardedHeaders(this IApplicationBuilder app, IReadOnlyList<string>? proxies)
    {
        if (proxies is not { Count: > 0 })
        {
            return;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };

        // The defaults trust loopback: only the configured proxies are trusted here.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new Core.CsaQueryException($"The proxy '{proxy}' is not an IP address: give each proxy's address (--proxy 10.0.0.5)."));
        }

        app.UseForwardedHeaders(options);
    }
}
