using Csa.Core.Security;

namespace Csa.Core.Tests;

public class SecurityTests
{
    [Fact]
    public void PasswordHash_VerifiesTheRightPasswordOnly_WithASaltPerHash()
    {
        var first = PasswordHash.Create("correct horse battery");
        var second = PasswordHash.Create("correct horse battery");

        Assert.StartsWith("pbkdf2-sha256$600000$", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(PasswordHash.Verify("correct horse battery", first));
        Assert.False(PasswordHash.Verify("correct horse batterY", first));
        Assert.False(PasswordHash.Verify("correct horse battery", "md5$1$abc$def"));
        Assert.False(PasswordHash.Verify("correct horse battery", "pbkdf2-sha256$600000$not base64!$x"));
        Assert.Throws<ArgumentException>(() => PasswordHash.Create("short"));
    }

    [Fact]
    public void LockoutPolicy_LocksAfterFiveFailuresInARow_AndASuccessClears()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var failures = 0;
        DateTimeOffset? lockedUntil = null;
        for (var i = 0; i < 4; i++)
        {
            (failures, lockedUntil) = LockoutPolicy.After(false, failures, now);
        }

        Assert.Equal(4, failures);
        Assert.False(LockoutPolicy.IsLocked(lockedUntil, now));
        (failures, lockedUntil) = LockoutPolicy.After(false, failures, now);
        Assert.True(LockoutPolicy.IsLocked(lockedUntil, now.AddMinutes(14)));
        Assert.False(LockoutPolicy.IsLocked(lockedUntil, now.AddMinutes(16)));
        Assert.Equal((0, null), LockoutPolicy.After(true, 3, now));
    }
}
