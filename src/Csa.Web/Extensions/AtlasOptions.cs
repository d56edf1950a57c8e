using Csa.Core.Classification;

namespace Csa.Web.Extensions;

/// <summary>The atlas's settings (section "Atlas", or --Atlas:StorePath=… on the command line).</summary>
public sealed class AtlasOptions
{
    /// <summary>The markers shown in public mode only for districts and larger areas, unless configured otherwise.</summary>
    public static IReadOnlyList<string> DefaultRestrictedMarkers => Markers.Restricted;

    /// <summary>The store file the atlas's own host reads (<c>Program</c>, as the tests run it); <c>csa serve</c> gives the
    /// atlas the store it was given instead.</summary>
    public string StorePath { get; set; } = "csa.duckdb";

    /// <summary>Public mode: aggregates only, small counts suppressed, no login.</summary>
    public bool Public { get; set; }

    /// <summary>In public mode, counts from 1 to this number are not shown.</summary>
    public int SuppressUpTo { get; set; } = 4;

    /// <summary>Whether public mode hides further extract counts that would reveal a small one (true; false only to test what it prevents).</summary>
    public bool SecondarySuppression { get; set; } = true;

    /// <summary>The markers that public mode shows only for districts and larger areas (null: <see cref="DefaultRestrictedMarkers"/>).</summary>
    public string[]? RestrictedMarkers { get; set; }

    /// <summary>A map tile URL template ({z}/{x}/{y}) drawn under the boundaries; none by default, so the atlas works offline.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution the tiles' licence asks for.</summary>
    public string? TileAttribution { get; set; }

    /// <summary>A restricted-atlas session ends after this long without a request (default 30 minutes).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A restricted-atlas session ends this long after its login, however busy (default 8 hours).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Whether the atlas keeps answers between requests (the store's answers while it is open, public responses
    /// by data version): true; false only to measure what an uncached request costs (the load benchmark).</summary>
    public bool KeepAnswers { get; set; } = true;

    /// <summary>A folder for the keys that sign login cookies, shared by every instance that reads it (null: held in the
    /// store when it shares state, as PostgreSQL does; otherwise ASP.NET Core's default folder for this user).</summary>
    public string? KeyFolder { get; set; }

    /// <summary>The addresses of the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are
    /// believed (the client address then counts failed logins). None by default: the headers are ignored, since any client
    /// can send them.</summary>
    public string[]? KnownProxies { get; set; }

    /// <summary>The restricted markers in force.</summary>
    public IReadOnlyList<string> EffectiveRestrictedMarkers => RestrictedMarkers is { Length: > 0 } configured ? configured : DefaultRestrictedMarkers;
}
