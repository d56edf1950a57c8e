namespace Csa.Core.Security;

/// <summary>When repeated failed logins lock an account: after <see cref="MaxFailures"/> failures in a row the
/// account is locked for <see cref="LockDuration"/>; a success clears the count.</summary>
public static class LockoutPolicy
{
    /// <summary>Failures in a row that lock the account.</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a lock lasts.</summary>
    public static TimeSpan LockDuration { get; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether the account is locked at <paramref name="now"/>.</summary>
    public static bool IsLocked(DateTimeOffset? lockedUntil, DateTimeOffset now) => lockedUntil is { } until && until > now;

    /// <summary>The account's state after a login attempt: its failure count and the time it is locked until, if any.</summary>
    public static (int Failures, DateTimeOffset? LockedUntil) After(bool succeeded, int failures, DateTimeOffset now)
    {
        if (succeeded)
        {
            return (0, null);
        }

        var count = failures + 1;
        return count >= MaxFailures ? (0, now + LockDuration) : (count, null);
    }
}
