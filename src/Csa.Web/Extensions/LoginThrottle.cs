using System.Collections.Concurrent;
using Csa.Core.Security;

namespace Csa.Web.Extensions;

/// <summary>Failed logins per account, kept in the server's memory (the atlas opens the store read-only),
/// locking an account as <see cref="LockoutPolicy"/> says.</summary>
public sealed class LoginThrottle(TimeProvider time)
{
    readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset? LockedUntil)> _state = new(StringComparer.Ordinal);

    /// <summary>Whether the account is locked now.</summary>
    public bool IsLocked(string name) => _state.TryGetValue(name, out var s) && LockoutPolicy.IsLocked(s.LockedUntil, time.GetUtcNow());

    /// <summary>Records an attempt.</summary>
    public void Record(string name, bool succeeded) =>
        _state.AddOrUpdate(name, _ => LockoutPolicy.After(succeeded, 0, time.GetUtcNow()), (_, s) => LockoutPolicy.After(succeeded, s.Failures, time.GetUtcNow()));
}
