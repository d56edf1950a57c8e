using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Csa.Core;
using Csa.Storage.Sql.Internal;

namespace Csa.Storage.Sql;

/// <summary>A backend's schema migrations, embedded in its assembly as <c>{prefix}NNNN_name.sql</c>, applied in order in one
/// transaction; the version reached is recorded in <c>csa_schema</c>. Both backends number their scripts alike: a version
/// means the same tables and columns in each.</summary>
/// <param name="assembly">The backend's assembly.</param>
/// <param name="prefix">The scripts' resource name prefix.</param>
/// <param name="translate">The backend's translation of SQL with <c>$name</c> parameters.</param>
/// <param name="firstStatement">A statement run first in the migrating transaction (PostgreSQL: a lock, so that two csa
/// processes never migrate at once), or null.</param>
public sealed class SchemaMigrations(Assembly assembly, string prefix, Func<string, string> translate, string? firstStatement = null)
{
    readonly IReadOnlyList<(int Version, string Name)> _all = [.. assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
        .Select(name => (int.Parse(name.AsSpan(prefix.Length, 4), CultureInfo.InvariantCulture), name))
        .OrderBy(m => m.Item1)];

    /// <summary>The newest schema version this csa writes.</summary>
    public int Latest => _all[^1].Version;

    /// <summary>Brings the schema up to <paramref name="targetVersion"/> in one transaction; returns the version found.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="store">The store as the user named it (never a password), for messages.</param>
    /// <param name="targetVersion">The version wanted.</param>
    /// <param name="time">The clock.</param>
    /// <param name="csaVersion">The version of csa migrating.</param>
    /// <param name="cancellationToken">Cancels the migration (nothing is changed).</param>
    public async Task<int> ApplyAsync(DbConnection connection, string store, int targetVersion, TimeProvider time, string csaVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(time);
        var found = await ReadVersionAsync(connection, store, cancellationToken).ConfigureAwait(false);
        if (found > Latest)
        {
            throw new CsaStoreException(
                $"The store {store} was made by a newer csa (schema version {found}; this csa knows versions up to {Latest}). " +
                "Use the newer csa, or another --store.");
        }

        if (found >= targetVersion)
        {
            return found;
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeTransaction = transaction.ConfigureAwait(false);
        if (firstStatement is not null)
        {
            await ExecuteAsync(connection, transaction, firstStatement, cancellationToken).ConfigureAwait(false);

            // Another process may have migrated while this one waited for the lock.
            found = await ReadVersionAsync(connection, store, cancellationToken, transaction).ConfigureAwait(false);
        }

        foreach (var (version, name) in _all.Where(m => m.Version > found && m.Version <= targetVersion))
        {
            await ExecuteAsync(connection, transaction, ReadScript(name), cancellationToken).ConfigureAwait(false);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = translate("INSERT INTO csa_schema VALUES ($version, $at, $csa)");
            record.AddParameter("version", version);
            record.AddParameter("at", time.GetUtcNow().UtcDateTime);
            record.AddParameter("csa", csaVersion);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>The schema version of the store (0: empty, no tables).</summary>
    /// <exception cref="CsaStoreException">The database has tables but is not a csa store.</exception>
    public static async Task<int> ReadVersionAsync(DbConnection connection, string store, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Both counts in one statement, so one snapshot: another process's migration committing between two questions
        // would otherwise show its tables without its csa_schema table.
        command.CommandText = """
            SELECT CAST(coalesce(sum(CASE WHEN table_name = 'csa_schema' THEN 1 ELSE 0 END), 0) AS BIGINT), CAST(count(*) AS BIGINT)
            FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = current_schema()
            """;
        long schemaTables, allTables;
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (schemaTables, allTables) = (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
        }

        if (schemaTables == 0)
        {
            return allTables == 0
                ? 0
                : throw new CsaStoreException($"{store} is a database but not a csa store (it has tables, and no csa_schema table). Choose another --store.");
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM csa_schema";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }


    string ReadScript(string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing embedded migration {resourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
