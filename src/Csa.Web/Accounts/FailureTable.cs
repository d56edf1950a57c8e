using Csa.Core.Security;

namespace Csa.Web.Accounts;

/// <summary>Failed logins per key (an account name or a client address, hashed to 128 bits), in a table of fixed capacity:
/// whatever is tried, the table never holds more than <see cref="Capacity"/> entries of a few dozen bytes each.</summary>
/// <remarks>
/// An entry is forgotten once its failures are older than the policy's lock duration and no lock holds. When the table is full,
/// the least recently touched entry gives way. An attacker who floods it to push out a lock needs <see cref="Capacity"/> keys,
/// and each client address is itself limited (<see cref="LockoutPolicy.Client"/>). Thread safe.
/// </remarks>
sealed class FailureTable(LockoutPolicy policy, int capacity, bool successClears, TimeProvider time)
{
    readonly Dictionary<UInt128, LinkedListNode<Entry>> _index = [];
    readonly LinkedList<Entry> _recency = new();
    readonly Lock _lock = new();

    /// <summary>The most entries the table holds.</summary>
    public int Capacity => capacity;

    /// <summary>The entries held now (forgotten ones may still count until they are touched or pushed out).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>The time the key is locked until, or null when it is not locked.</summary>
    public DateTimeOffset? LockedUntil(UInt128 key)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            return _index.TryGetValue(key, out var node) && LockoutPolicy.IsLocked(node.Value.LockedUntil, now) ? node.Value.LockedUntil : null;
        }
    }

    /// <summary>Records an attempt for the key.</summary>
    public void Record(UInt128 key, bool succeeded)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var failures = 0;
            if (_index.Remove(key, out var node))
            {
                _recency.Remove(node);
                var held = node.Value;
                failures = policy.IsForgotten(held.LastFailure, held.LockedUntil, now) ? 0 : held.Failures;
            }

            var (count, lockedUntil) = policy.After(succeeded, failures, now, successClears);
            if (count == 0 && lockedUntil is null)
            {
                return; // nothing to remember
            }

            while (_index.Count >= capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _index.Remove(oldest.Value.Key);
            }

            _index[key] = _recency.AddFirst(new Entry(key, count, lockedUntil, succeeded && node is not null ? node.Value.LastFailure : now));
        }
    }

    sealed record Entry(UInt128 Key, int Failures, DateTimeOffset? LockedUntil, DateTimeOffset LastFailure);
}
