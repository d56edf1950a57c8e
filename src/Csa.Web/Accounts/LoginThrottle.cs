using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Csa.Core.Security;
using Csa.Storage;

namespace Csa.Web.Accounts;

/// <summary>Failed logins by account name and by client address. Held in the store when it shares state between the atlas's
/// instances (PostgreSQL: every instance then counts the same failures and honours the same locks); otherwise in this
/// server's memory (a DuckDB file, served by one process), bounded and expiring: names are held as 128-bit hashes in tables
/// of fixed capacity, so a flood of large or random names cannot grow the server.</summary>
/// <param name="time">The clock.</param>
/// <param name="shared">The store's shared state, or null to count in memory.</param>
/// <param name="capacity">In memory, the most entries each table (names, clients) holds.</param>
public sealed class LoginThrottle(TimeProvider time, IAtlasState? shared = null, int capacity = LoginThrottle.DefaultCapacity)
{
    /// <summary>The default capacity of each table in memory: 10,000 entries, well under a megabyte.</summary>
    public const int DefaultCapacity = 10_000;

    const string AccountKind = "account";
    const string ClientKind = "client";

    readonly FailureTable _accounts = new(LockoutPolicy.Account, capacity, successClears: true, time);
    readonly FailureTable _clients = new(LockoutPolicy.Client, capacity, successClears: false, time);

    /// <summary>Why a login from <paramref name="client"/> as <paramref name="name"/> is refused unheard, or null when it may be tried.</summary>
    public async Task<string?> RefusalAsync(string name, string client, CancellationToken cancellationToken)
    {
        if (await LockedUntilAsync(ClientKind, client, cancellationToken).ConfigureAwait(false) is not null)
        {
            return $"Too many failed logins from this address ({LockoutPolicy.Client.MaxFailures}); try again in {LockoutPolicy.Client.LockDuration.TotalMinutes:0} minutes.";
        }

        return await LockedUntilAsync(AccountKind, name, cancellationToken).ConfigureAwait(false) is not null
            ? $"The account is locked after {LockoutPolicy.Account.MaxFailures} failed logins; try again in {LockoutPolicy.Account.LockDuration.TotalMinutes:0} minutes."
            : null;
    }

    /// <summary>Records an attempt by name and by client. Names that are no account's are recorded like any other, so that
    /// locking says nothing about which accounts exist.</summary>
    public async Task RecordAsync(string name, string client, bool succeeded, CancellationToken cancellationToken)
    {
        await RecordKindAsync(AccountKind, name, succeeded, cancellationToken).ConfigureAwait(false);
        await RecordKindAsync(ClientKind, client, succeeded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a failure of the client alone (a request refused before any name was tried).</summary>
    public Task RecordClientFailureAsync(string client, CancellationToken cancellationToken) =>
        RecordKindAsync(ClientKind, client, succeeded: false, cancellationToken);

    /// <summary>The entries held in memory: names, clients. Never more than the capacity each (none when the store holds them).</summary>
    public (int Names, int Clients) Entries => (_accounts.Count, _clients.Count);

    Task<DateTimeOffset?> LockedUntilAsync(string kind, string text, CancellationToken cancellationToken)
    {
        var key = Key(text);
        return shared is null
            ? Task.FromResult(Table(kind).LockedUntil(key))
            : shared.LockedUntilAsync(kind, Hex(key), time.GetUtcNow(), cancellationToken);
    }

    Task RecordKindAsync(string kind, string text, bool succeeded, CancellationToken cancellationToken)
    {
        var key = Key(text);
        if (shared is null)
        {
            Table(kind).Record(key, succeeded);
            return Task.CompletedTask;
        }

        var (policy, successClears) = kind == AccountKind ? (LockoutPolicy.Account, true) : (LockoutPolicy.Client, false);
        return shared.RecordLoginAsync(kind, Hex(key), policy, succeeded, successClears, time.GetUtcNow(), cancellationToken);
    }

    FailureTable Table(string kind) => kind == AccountKind ? _accounts : _clients;

    static UInt128 Key(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    static string Hex(UInt128 key)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, key);
        return Convert.ToHexStringLower(bytes);
    }
}
