using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Csa.Core.Security;

namespace Csa.Web.Accounts;

/// <summary>Failed logins by account name and by client address, kept in the server's memory (the atlas opens the store
/// read-only), bounded and expiring: names are held as 128-bit hashes in tables of fixed capacity, so a flood of large or
/// random names cannot grow the server.</summary>
/// <param name="time">The clock.</param>
/// <param name="capacity">The most entries each table (names, clients) holds.</param>
public sealed class LoginThrottle(TimeProvider time, int capacity = LoginThrottle.DefaultCapacity)
{
    /// <summary>The default capacity of each table: 10,000 entries, well under a megabyte.</summary>
    public const int DefaultCapacity = 10_000;

    readonly FailureTable _accounts = new(LockoutPolicy.Account, capacity, successClears: true, time);
    readonly FailureTable _clients = new(LockoutPolicy.Client, capacity, successClears: false, time);

    /// <summary>Why a login from <paramref name="client"/> as <paramref name="name"/> is refused unheard, or null when it may be tried.</summary>
    public string? Refusal(string name, string client)
    {
        if (_clients.LockedUntil(Key(client)) is not null)
        {
            return $"Too many failed logins from this address ({LockoutPolicy.Client.MaxFailures}); try again in {LockoutPolicy.Client.LockDuration.TotalMinutes:0} minutes.";
        }

        return _accounts.LockedUntil(Key(name)) is not null
            ? $"The account is locked after {LockoutPolicy.Account.MaxFailures} failed logins; try again in {LockoutPolicy.Account.LockDuration.TotalMinutes:0} minutes."
            : null;
    }

    /// <summary>Records an attempt by name and by client. Names that are no account's are recorded like any other, so that
    /// locking says nothing about which accounts exist.</summary>
    public void Record(string name, string client, bool succeeded)
    {
        _accounts.Record(Key(name), succeeded);
        _clients.Record(Key(client), succeeded);
    }

    /// <summary>Records a failure of the client alone (a request refused before any name was tried).</summary>
    public void RecordClientFailure(string client) => _clients.Record(Key(client), succeeded: false);

    /// <summary>The entries held: names, clients. Never more than the capacity each.</summary>
    public (int Names, int Clients) Entries => (_accounts.Count, _clients.Count);

    static UInt128 Key(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
