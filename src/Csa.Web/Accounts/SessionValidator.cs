using System.Security.Claims;
using Csa.Storage;
using Csa.Web.Extensions;
using Microsoft.Extensions.Options;

namespace Csa.Web.Accounts;

/// <summary>Decides on every request whether a session still holds: made less than the absolute lifetime ago, and carrying
/// the security stamp its account has now (a password change or a removed account ends every session of it at once).
/// The idle lifetime is the cookie's own sliding expiry.</summary>
/// <remarks>The stamps are read from the store and kept until the store's data version changes (a csa command wrote it), so
/// a request opens the store for this only after a change. Thread safe.</remarks>
public sealed class SessionValidator(IStoreReaders stores, IOptions<AtlasOptions> options, TimeProvider time)
{
    readonly Lock _lock = new();
    Dictionary<string, string?> _stamps = new(StringComparer.Ordinal);
    string _storeVersion = string.Empty;

    /// <summary>Why the session has ended, or null while it holds.</summary>
    public async Task<string?> EndedAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var signedIn = SessionClaims.SignedInAt(principal);
        if (signedIn is null || time.GetUtcNow() - signedIn >= options.Value.SessionLifetime)
        {
            return "the session is older than its absolute lifetime";
        }

        var name = principal.Identity?.Name;
        var stamp = principal.FindFirstValue(SessionClaims.Stamp);
        if (name is null || stamp is null)
        {
            return "the session names no account";
        }

        var current = await CurrentStampAsync(name, cancellationToken).ConfigureAwait(false);
        return current is null ? "the account has been removed"
            : !string.Equals(current, stamp, StringComparison.Ordinal) ? "the account's password has changed"
            : null;
    }

    async Task<string?> CurrentStampAsync(string name, CancellationToken cancellationToken)
    {
        var version = stores.DataVersion;
        lock (_lock)
        {
            if (version != _storeVersion)
            {
                _stamps = new Dictionary<string, string?>(StringComparer.Ordinal);
                _storeVersion = version;
            }

            if (_stamps.TryGetValue(name, out var known))
            {
                return known;
            }
        }

        await using var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        var stamp = (await store.GetUserAsync(name, cancellationToken).ConfigureAwait(false))?.SecurityStamp;
        lock (_lock)
        {
            if (version == _storeVersion)
            {
                _stamps[name] = stamp;
            }
        }

        return stamp;
    }
}
