namespace Csa.Core.Security;

/// <summary>When repeated failed logins lock something out: after <see cref="MaxFailures"/> failures, each within
/// <see cref="LockDuration"/> of the one before, it is locked for <see cref="LockDuration"/>. Two are used: one for an account
/// name (<see cref="Account"/>; a success clears its count) and one for a client address (<see cref="Client"/>; successes do not
/// clear it, so one good account cannot hide a guessing run against others).</summary>
/// <param name="MaxFailures">Failures that lock.</param>
/// <param name="LockDuration">How long a lock lasts, and how long a failure is remembered.</param>
public sealed record LockoutPolicy(int MaxFailures, TimeSpan LockDuration)
{
    /// <summary>An account: 5 failures lock it for 15 minutes.</summary>
    public static LockoutPolicy Account { get; } = new(5, TimeSpan.FromMinutes(15));

    /// <summary>A client address: 20 failures lock it for 15 minutes, whatever names were tried.</summary>
    public static LockoutPolicy Client { get; } = new(20, TimeSpan.FromMinutes(15));

    /// <summary>Whether a lock until <paramref name="lockedUntil"/> holds at <paramref name="now"/>.</summary>
    public static bool IsLocked(DateTimeOffset? lockedUntil, DateTimeOffset now) => lockedUntil is { } until && until > now;

    /// <summary>The state after a login attempt: the failure count and the time it is locked until, if any.</summary>
    /// <param name="succeeded">Whether the attempt succeeded (a success clears the count when <paramref name="successClears"/>).</param>
    /// <param name="failures">The failures counted so far (still remembered: see <see cref="IsForgotten"/>).</param>
    /// <param name="now">The time of the attempt.</param>
    /// <param name="successClears">Whether a success clears the count (accounts: yes; clients: no).</param>
    public (int Failures, DateTimeOffset? LockedUntil) After(bool succeeded, int failures, DateTimeOffset now, bool successClears = true)
    {
        if (succeeded)
        {
            return successClears ? (0, null) : (failures, null);
        }

        var count = failures + 1;
        return count >= MaxFailures ? (0, now + LockDuration) : (count, null);
    }

    /// <summary>Whether a state last changed at <paramref name="lastFailure"/> is forgotten at <paramref name="now"/>: no lock holds,
    /// and its failures are older than <see cref="LockDuration"/>.</summary>
    public bool IsForgotten(DateTimeOffset lastFailure, DateTimeOffset? lockedUntil, DateTimeOffset now) =>
        !IsLocked(lockedUntil, now) && now - lastFailure >= LockDuration;
}
