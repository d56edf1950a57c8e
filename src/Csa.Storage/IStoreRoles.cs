namespace Csa.Storage;

/// <summary>What a role of the database server may do with a store: the atlas connects with a role of its own that cannot
/// write the data, the ledger or the accounts; imports and accounts need the role that owns the store.</summary>
public enum StoreAccess
{
    /// <summary>The public atlas: reads the data; cannot read the accounts or the atlas's keys, and cannot write anything.</summary>
    PublicAtlas,

    /// <summary>The restricted atlas: reads the data and the accounts; writes only the atlas's failed-login records and
    /// cookie keys, which its instances share.</summary>
    Atlas,
}

/// <summary>A store whose server has roles (PostgreSQL); a DuckDB file has none (its file permissions decide who reads it).</summary>
public interface IStoreRoles
{
    /// <summary>Gives <paramref name="role"/> exactly <paramref name="access"/> to every table the store has now, taking away
    /// any other right it had on them. Run it again after a csa upgrade that migrates the store (new tables are granted to
    /// no one).</summary>
    /// <exception cref="Core.CsaStoreException">There is no such role, or it is a superuser or the store's owner (which no grant can limit).</exception>
    Task GrantAsync(string role, StoreAccess access, CancellationToken cancellationToken = default);
}
