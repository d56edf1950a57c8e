using Csa.Core;
using Npgsql;

namespace Csa.Storage.Postgres;

public sealed partial class PostgresStore : IStoreRoles
{
    /// <summary>The tables only the restricted atlas may read: password hashes, failed logins and the cookie keys.</summary>
    const string AtlasOnlyTables = "atlas_user, atlas_login_failure, atlas_key";

    /// <summary>The tables the restricted atlas may write: what its instances share.</summary>
    const string AtlasStateTables = "atlas_login_failure, atlas_key";

    /// <inheritdoc/>
    /// <remarks>All in one transaction: the rights a role had on the store's tables are revoked, then SELECT on every table
    /// (less the atlas's own for the public atlas), then, for the restricted atlas, writing its state tables. The role may
    /// never create anything (PostgreSQL 15 gives no one CREATE in the public schema by default).</remarks>
    public async Task GrantAsync(string role, StoreAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        if (!RoleName().IsMatch(role))
        {
            throw new CsaStoreException($"'{role}' is not a role name csa grants to: use letters, digits and underscores, starting with a letter or underscore, at most 63 characters.");
        }

        var (exists, superuser, schema, owner) = await DescribeRoleAsync(role, cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            throw new CsaStoreException($"There is no role {role} on {Info.Location}: create it first (CREATE ROLE {role} LOGIN PASSWORD '…'), then grant it.");
        }

        if (superuser || owner)
        {
            throw new CsaStoreException($"The role {role} {(superuser ? "is a superuser" : "owns the store's tables")}, so no grant can limit it: give the atlas a role of its own (CREATE ROLE csa_atlas LOGIN PASSWORD '…').");
        }

        var quotedRole = QuoteIdentifier(role);
        var quotedSchema = QuoteIdentifier(schema);
        var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeTransaction = transaction.ConfigureAwait(false);
        await ExecuteAsync(transaction, $"REVOKE ALL ON ALL TABLES IN SCHEMA {quotedSchema} FROM {quotedRole}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, $"GRANT USAGE ON SCHEMA {quotedSchema} TO {quotedRole}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, $"GRANT SELECT ON ALL TABLES IN SCHEMA {quotedSchema} TO {quotedRole}", cancellationToken).ConfigureAwait(false);
        if (access == StoreAccess.PublicAtlas)
        {
            await ExecuteAsync(transaction, $"REVOKE ALL ON {AtlasOnlyTables} FROM {quotedRole}", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ExecuteAsync(transaction, $"GRANT INSERT, UPDATE, DELETE ON {AtlasStateTables} TO {quotedRole}", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    async Task<(bool Exists, bool Superuser, string Schema, bool Owner)> DescribeRoleAsync(string role, CancellationToken cancellationToken)
    {
        using var command = Command("""
            SELECT r.rolname IS NOT NULL, coalesce(r.rolsuper, false), current_schema(),
                coalesce(r.rolname = (SELECT tableowner FROM pg_tables WHERE tablename = 'csa_schema' AND schemaname = current_schema()), false)
            FROM (SELECT 1) one LEFT JOIN pg_roles r ON r.rolname = $role
            """);
        command.Parameters.Add(new NpgsqlParameter("role", role));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetString(2), reader.GetBoolean(3));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial System.Text.RegularExpressions.Regex RoleName();

    /// <summary>A name as a quoted SQL identifier (PostgreSQL's rule: in double quotes, a double quote doubled).</summary>
    static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
