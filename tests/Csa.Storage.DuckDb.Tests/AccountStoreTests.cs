using Csa.Core;
using Csa.Core.Security;
using Csa.Tests;

namespace Csa.Storage.DuckDb.Tests;

public class AccountStoreTests
{
    [Fact]
    public async Task Accounts_AreAddedOnce_AndKeepTheirLockState()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using var store = await StoreTestKit.OpenAsync(scratch);
        var hash = PasswordHash.Create("a long enough password");

        await store.AddUserAsync("analyst", hash);
        var error = await Assert.ThrowsAsync<CsaQueryException>(() => store.AddUserAsync("analyst", hash));
        var until = new DateTimeOffset(2026, 11, 26, 12, 15, 0, TimeSpan.Zero);
        await store.RecordLoginAsync("analyst", 0, until);

        var user = await store.GetUserAsync("analyst");
        Assert.NotNull(user);
        Assert.True(PasswordHash.Verify("a long enough password", user.PasswordHash));
        Assert.Equal(until, user.LockedUntil);
        Assert.Null(await store.GetUserAsync("nobody"));
        Assert.Equal("An atlas account named 'analyst' exists already.", error.Message);
    }
}
