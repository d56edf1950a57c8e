using System.Globalization;
using System.Security.Claims;
using Csa.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Csa.Web.Accounts;

/// <summary>What a session's cookie carries: the account's name, the security stamp it was made with, and when it was made.</summary>
public static class SessionClaims
{
    /// <summary>The claim holding the account's security stamp at login.</summary>
    public const string Stamp = "csa:stamp";

    /// <summary>The claim holding the login time (Unix seconds).</summary>
    public const string SignedIn = "csa:signed-in";

    /// <summary>The principal of a new session of <paramref name="user"/>.</summary>
    public static ClaimsPrincipal For(AtlasUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(Stamp, user.SecurityStamp),
                new Claim(SignedIn, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>When the session was made, or null when the principal does not say.</summary>
    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal?.FindFirstValue(SignedIn), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
