namespace Csa.Storage;

/// <summary>An account of the restricted atlas.</summary>
/// <param name="Name">The account's name.</param>
/// <param name="PasswordHash">The password's hash (see <see cref="Core.Security.PasswordHash"/>).</param>
/// <param name="FailedAttempts">Failed logins in a row.</param>
/// <param name="LockedUntil">The time the account is locked until, if it is.</param>
/// <param name="SecurityStamp">A random value renewed whenever the password changes: sessions carry the stamp they were made
/// with, and end when it is no longer the account's.</param>
public sealed record AtlasUser(string Name, string PasswordHash, int FailedAttempts, DateTimeOffset? LockedUntil, string SecurityStamp);
