using Csa.Core.Security;

namespace Csa.Storage;

/// <summary>What the instances of one atlas share through the store they serve: failed logins (so that throttling and lockout
/// hold whichever instance a login reaches) and the data-protection keys that sign and encrypt login cookies (so that a
/// login made on one instance holds on another, and after a restart).</summary>
/// <remarks>Keys of failed logins are hashes of an account name or a client address, never the name or address itself.
/// Thread safe: each call takes a connection of its own.</remarks>
public interface IAtlasState
{
    /// <summary>The time <paramref name="keyHash"/> of <paramref name="kind"/> is locked until, or null when no lock holds at
    /// <paramref name="now"/>.</summary>
    /// <param name="kind">What is counted: <c>account</c> or <c>client</c>.</param>
    /// <param name="keyHash">The hash of the name or address.</param>
    /// <param name="now">The time of the question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    Task<DateTimeOffset?> LockedUntilAsync(string kind, string keyHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a login attempt for <paramref name="keyHash"/> of <paramref name="kind"/> under
    /// <paramref name="policy"/>, as one transaction: attempts reaching different instances at once are all counted.</summary>
    /// <param name="kind">What is counted: <c>account</c> or <c>client</c>.</param>
    /// <param name="keyHash">The hash of the name or address.</param>
    /// <param name="policy">When failures lock.</param>
    /// <param name="succeeded">Whether the attempt succeeded.</param>
    /// <param name="successClears">Whether a success clears the count (accounts: yes; clients: no).</param>
    /// <param name="now">The time of the attempt.</param>
    /// <param name="cancellationToken">Cancels the record.</param>
    Task RecordLoginAsync(string kind, string keyHash, LockoutPolicy policy, bool succeeded, bool successClears, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every data-protection key held, as the XML it was added as (ASP.NET Core's key repository asks synchronously).</summary>
    IReadOnlyList<string> ReadKeys();

    /// <summary>Adds a data-protection key, unless one of <paramref name="name"/> is held already.</summary>
    /// <param name="name">The key's name (ASP.NET Core's "key-{id}").</param>
    /// <param name="xml">The key as XML.</param>
    /// <param name="now">The time it is added.</param>
    void AddKey(string name, string xml, DateTimeOffset now);
}
