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
            (failures, lockedUntil) = LockoutPolicy.Account.After(false, failures, now);
        }

        Assert.Equal(4, failures);
        Assert.False(LockoutPolicy.IsLocked(lockedUntil, now));
        (failures, lockedUntil) = LockoutPolicy.Account.After(false, failures, now);
        Assert.True(LockoutPolicy.IsLocked(lockedUntil, now.AddMinutes(14)));
        Assert.False(LockoutPolicy.IsLocked(lockedUntil, now.AddMinutes(16)));
        Assert.Equal((0, null), LockoutPolicy.Account.After(true, 3, now));
    }

    [Fact]
    public void LockoutPolicy_ForAClient_ASuccessDoesNotClear_AndOldFailuresAreForgotten()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var client = LockoutPolicy.Client;

        Assert.Equal((7, null), client.After(true, 7, now, successClears: false));
        Assert.False(client.IsForgotten(now, null, now.AddMinutes(14)));
        Assert.True(client.IsForgotten(now, null, now.AddMinutes(15)));
        Assert.False(client.IsForgotten(now, now.AddMinutes(20), now.AddMinutes(15)), "a lock in force is never forgotten");
    }

    [Theory]
    [InlineData("analyst", null)]
    [InlineData("", "An account needs a name.")]
    [InlineData(" analyst", "An account's name cannot hold control characters or start or end with a space.")]
    [InlineData("ana\nlyst", "An account's name cannot hold control characters or start or end with a space.")]
    public void AccountName_Rules(string name, string? problem) => Assert.Equal(problem, AccountName.Problem(name));

    [Fact]
    public void AccountName_LengthLimits()
    {
        Assert.Null(AccountName.Problem(new string('a', 64)));
        Assert.Equal("An account's name has at most 64 characters.", AccountName.Problem(new string('a', 65)));
        Assert.Equal("A password needs at least 12 characters.", AccountName.PasswordProblem("short"));
        Assert.Equal("A password has at most 1024 characters.", AccountName.PasswordProblem(new string('p', 1025)));
        Assert.Null(AccountName.PasswordProblem(new string('p', 1024)));
    }
}
