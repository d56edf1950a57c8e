using System.Security.Cryptography;
using Csa.Core.Security;
using Csa.Storage;

namespace Csa.Web.Accounts;

/// <summary>Checks a name and password against the store's accounts, doing the same work whether or not the name is an
/// account's: an unknown name is verified against a dummy hash of the same cost, so the time a login takes does not tell
/// which accounts exist.</summary>
public sealed class AccountLogin(IStoreReaders stores, IPasswordVerifier verifier)
{
    /// <summary>A hash of a random password, made once, with the iteration count of real hashes.</summary>
    readonly string _dummyHash = PasswordHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    /// <summary>The account, when the password is its password; otherwise null. One hash verification either way.</summary>
    public async Task<AtlasUser?> CheckAsync(string name, string password, CancellationToken cancellationToken)
    {
        await using var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        var user = await store.GetUserAsync(name, cancellationToken).ConfigureAwait(false);
        var matches = verifier.Verify(password, user?.PasswordHash ?? _dummyHash);
        return matches && user is not null ? user : null;
    }
}
