using Csa.Core.Security;
using Csa.Storage.Postgres;
using Csa.Tests;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Csa.Storage.Contract.Tests;

/// <summary>What a PostgreSQL store does for a server beyond the contract: roles that can read and not write, the atlas's
/// shared login records and keys, and one snapshot per request while imports commit.</summary>
public sealed class PostgresServerTests : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _clock = new(Now);
    readonly List<string> _roles = [];
    string? _store;

    async Task<string> StoreAsync()
    {
        if (_store is null)
        {
            _store = await TestPostgres.CreateDatabaseAsync();
            await using var store = await TestPostgres.OpenAsync(_store, _clock);
            await new Ingest.PoliceUk.PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);
        }

        return _store;
    }

    [SkippableFact]
    public async Task ThePublicAtlasRole_ReadsTheDataAndNothingElse_AndWritesNothing()
    {
        var store = await StoreAsync();
        var role = await GrantedRoleAsync(store, StoreAccess.PublicAtlas);
        var asRole = TestPostgres.As(store, role);

        await using (var reading = await TestPostgres.OpenAsync(asRole, _clock))
        {
            Assert.NotEmpty(await reading.GetHeldStreetMonthsAsync(null));
        }

        await using (var readers = new PostgresStoreReaders(PostgresLocation.Parse(asRole), _clock))
        {
            Assert.Null(readers.SharedState);
            Assert.Contains($"the role {role} may not read the accounts", readers.LoginsUnavailable, StringComparison.Ordinal);
            await using var reader = await readers.OpenAsync(CancellationToken.None);
            Assert.NotEmpty(await reader.GetHeldStreetMonthsAsync(null));
        }

        foreach (var sql in new[]
        {
            "SELECT count(*) FROM atlas_user",
            "SELECT count(*) FROM atlas_key",
            "SELECT count(*) FROM atlas_login_failure",
            "INSERT INTO import_file VALUES ('street', 'x', NULL, 'x', 'x', 1, 1, now())",
            "DELETE FROM street_record",
            "UPDATE street_record SET crime_type = 'x'",
            "CREATE TABLE intruder (x INTEGER)",
            "INSERT INTO atlas_login_failure VALUES ('client', 'x', 1, now(), NULL)",
        })
        {
            await AssertRefusedAsync(asRole, sql);
        }

        await using var writer = await TestPostgres.OpenAsync(store, _clock);
        var before = await writer.GetTableCountsAsync();
        await using (var importing = await TestPostgres.OpenAsync(asRole, _clock))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => new Ingest.PoliceUk.PoliceUkImporter(importing).ImportAsync([TestPaths.NorthumbriaZip]));
        }

        Assert.Equal(before, await writer.GetTableCountsAsync());
    }

    [SkippableFact]
    public async Task TheAtlasRole_ReadsAccounts_AndWritesOnlyItsLoginRecordsAndKeys()
    {
        var store = await StoreAsync();
        await using (var writer = await TestPostgres.OpenAsync(store, _clock))
        {
            await writer.AddUserAsync("analyst", PasswordHash.Create("a long enough password"));
        }

        var role = await GrantedRoleAsync(store, StoreAccess.Atlas);
        var asRole = TestPostgres.As(store, role);
        await using (var readers = new PostgresStoreReaders(PostgresLocation.Parse(asRole), _clock))
        {
            Assert.NotNull(readers.SharedState);
            Assert.Null(readers.LoginsUnavailable);
            await using var reader = await readers.OpenAsync(CancellationToken.None);
            Assert.NotNull(await reader.GetUserAsync("analyst"));
        }

        foreach (var sql in new[]
        {
            "INSERT INTO atlas_user VALUES ('intruder', 'x', 0, NULL, now(), 'x')",
            "UPDATE atlas_user SET password_hash = 'x'",
            "DELETE FROM atlas_user",
            "INSERT INTO import_file VALUES ('street', 'x', NULL, 'x', 'x', 1, 1, now())",
            "DELETE FROM street_record",
            "CREATE TABLE intruder (x INTEGER)",
        })
        {
            await AssertRefusedAsync(asRole, sql);
        }

        await ExecuteAsync(asRole, "INSERT INTO atlas_login_failure VALUES ('client', 'x', 1, now(), NULL)");
        await ExecuteAsync(asRole, "DELETE FROM atlas_login_failure");
    }

    [SkippableFact]
    public async Task Grant_RefusesWhatNoGrantCanLimit_AndRolesThatDoNotExist()
    {
        var store = await StoreAsync();
        await using var writer = (PostgresStore)await TestPostgres.OpenAsync(store, _clock);
        var owner = new NpgsqlConnectionStringBuilder(store).Username!;

        Assert.Contains("is a superuser", (await Assert.ThrowsAsync<Core.CsaStoreException>(() => writer.GrantAsync(owner, StoreAccess.PublicAtlas))).Message, StringComparison.Ordinal);
        Assert.Contains("There is no role csa_nobody_here", (await Assert.ThrowsAsync<Core.CsaStoreException>(() => writer.GrantAsync("csa_nobody_here", StoreAccess.Atlas))).Message, StringComparison.Ordinal);
        Assert.Contains("is not a role name", (await Assert.ThrowsAsync<Core.CsaStoreException>(() => writer.GrantAsync("x\"; DROP TABLE street_record; --", StoreAccess.Atlas))).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SharedLoginRecords_LockAfterThePolicysFailures_FromAnyInstance_AndForget()
    {
        var store = await StoreAsync();
        await using var first = new PostgresStoreReaders(PostgresLocation.Parse(store), _clock);
        await using var second = new PostgresStoreReaders(PostgresLocation.Parse(store), _clock);
        var (a, b) = (first.SharedState!, second.SharedState!);
        var policy = LockoutPolicy.Account;

        // Five failures at once, from two instances: every one counts.
        await Task.WhenAll(Enumerable.Range(0, policy.MaxFailures).Select(i =>
            (i % 2 == 0 ? a : b).RecordLoginAsync("account", "k1", policy, succeeded: false, successClears: true, Now, CancellationToken.None)));
        Assert.Equal(Now + policy.LockDuration, await a.LockedUntilAsync("account", "k1", Now, CancellationToken.None));
        Assert.Equal(Now + policy.LockDuration, await b.LockedUntilAsync("account", "k1", Now, CancellationToken.None));
        Assert.Null(await a.LockedUntilAsync("account", "k1", Now + policy.LockDuration, CancellationToken.None));

        // Four failures, a success: an account's count is cleared, a client's is not.
        foreach (var (kind, clears) in new[] { ("account", true), ("client", false) })
        {
            for (var i = 0; i < policy.MaxFailures - 1; i++)
            {
                await a.RecordLoginAsync(kind, "k2", policy, false, clears, Now, CancellationToken.None);
            }

            await b.RecordLoginAsync(kind, "k2", policy, true, clears, Now, CancellationToken.None);
            await a.RecordLoginAsync(kind, "k2", policy, false, clears, Now, CancellationToken.None);
            Assert.Equal(clears ? null : Now + policy.LockDuration, await b.LockedUntilAsync(kind, "k2", Now, CancellationToken.None));
        }

        // Failures older than the lock duration are forgotten, and their rows go.
        var later = Now + policy.LockDuration + TimeSpan.FromMinutes(1);
        await a.RecordLoginAsync("account", "k3", policy, false, true, later, CancellationToken.None);
        await a.RecordLoginAsync("account", "k3", policy, false, true, later + policy.LockDuration + policy.LockDuration, CancellationToken.None);
        await using var writer = await TestPostgres.OpenAsync(store, _clock);
        var rows = (await writer.GetTableCountsAsync())["atlas_login_failure"];
        Assert.Equal(2, rows); // k3's last failure, and the client k2 (a different kind, swept by its own failures)
    }

    [SkippableFact]
    public async Task SharedKeys_AreReadByEveryInstance_OnceEach()
    {
        var store = await StoreAsync();
        await using var first = new PostgresStoreReaders(PostgresLocation.Parse(store), _clock);
        await using var second = new PostgresStoreReaders(PostgresLocation.Parse(store), _clock);

        first.SharedState!.AddKey("key-1", "<key id=\"1\"/>", Now);
        second.SharedState!.AddKey("key-1", "<key id=\"other\"/>", Now);
        second.SharedState.AddKey("key-2", "<key id=\"2\"/>", Now.AddSeconds(1));

        Assert.Equal(["<key id=\"1\"/>", "<key id=\"2\"/>"], first.SharedState.ReadKeys());
        Assert.Equal(first.SharedState.ReadKeys(), second.SharedState.ReadKeys());
    }

    [SkippableFact]
    public async Task AReader_ReadsOneSnapshot_WhileAnImportCommits()
    {
        var store = await StoreAsync();
        await using var readers = new PostgresStoreReaders(PostgresLocation.Parse(store), _clock);
        await using var during = await readers.OpenAsync(CancellationToken.None);
        var before = await during.GetHeldStreetMonthsAsync(null);

        await using (var writer = await TestPostgres.OpenAsync(store, _clock))
        {
            await new Ingest.PoliceUk.PoliceUkImporter(writer).ImportAsync([TestPaths.NorthumbriaZip]);
        }

        Assert.Equal(before, await during.GetHeldStreetMonthsAsync(null));
        await using var after = await readers.OpenAsync(CancellationToken.None);
        Assert.True((await after.GetHeldStreetMonthsAsync(null)).Count > before.Count);
    }

    /// <summary>A server keeps answers per data version, read in each reader's snapshot: an import changes the version
    /// whatever the importing machine's clock says (here a day behind the last import's), and a kept answer is never served
    /// for data it was not made from.</summary>
    [SkippableFact]
    public async Task KeptAnswers_FollowEveryImport_WhateverTheImportingMachinesClock()
    {
        var store = await StoreAsync();
        await using var readers = new PostgresStoreReaders(PostgresLocation.Parse(store), _clock, keepAnswers: true);
        var version = readers.DataVersion;
        IReadOnlyList<ForceMonth> before;
        await using (var reader = await readers.OpenAsync(CancellationToken.None))
        {
            before = await reader.GetHeldStreetMonthsAsync(null);
            Assert.Same(before, await reader.GetHeldStreetMonthsAsync(null)); // kept
        }

        var behind = new FakeTimeProvider(Now.AddDays(-1));
        await using (var writer = await TestPostgres.OpenAsync(store, behind))
        {
            // One month's files again: the ledger's count and latest time stay as they were.
            await new Ingest.PoliceUk.PoliceUkImporter(writer).ImportAsync([Path.Combine(TestPaths.Cambridgeshire, "2019-07")]);
        }

        _clock.Advance(TimeSpan.FromSeconds(1)); // the readers' poll
        Assert.NotEqual(version, readers.DataVersion);
        await using (var writer = await TestPostgres.OpenAsync(store, behind))
        {
            await new Ingest.PoliceUk.PoliceUkImporter(writer).ImportAsync([TestPaths.NorthumbriaZip]);
        }

        await using var after = await readers.OpenAsync(CancellationToken.None);
        Assert.Equal(before.Count + 33, (await after.GetHeldStreetMonthsAsync(null)).Count);
    }

    async Task<string> GrantedRoleAsync(string store, StoreAccess access)
    {
        var role = await TestPostgres.CreateLoginRoleAsync("csa_role_");
        _roles.Add(role);
        await using var writer = (PostgresStore)await TestPostgres.OpenAsync(store, _clock);
        await writer.GrantAsync(role, access);
        return role;
    }

    static async Task AssertRefusedAsync(string connectionString, string sql)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connectionString, sql));
        Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await TestPostgres.DropDatabaseAsync(_store);
        }

        foreach (var role in _roles)
        {
            await TestPostgres.DropRoleAsync(role);
        }
    }
}
