using System.Globalization;
using Csa.Core;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb.Internal;

/// <summary>The schema migrations, embedded as <c>Migrations/NNNN_name.sql</c>, applied in order.</summary>
static class Migrations
{
    const string Prefix = "Csa.Storage.DuckDb.Migrations.";

    static readonly IReadOnlyList<(int Version, string Name)> All = typeof(Migrations).Assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
        .Select(name => (int.Parse(name.AsSpan(Prefix.Length, 4), CultureInfo.InvariantCulture), name))
        .OrderBy(m => m.Item1)
        .ToArray();

    public static int Latest => All[^1].Version;

    /// <summary>Brings the schema up to <paramref name="targetVersion"/> in one transaction; returns the version found.</summary>
    public static async Task<int> ApplyAsync(DuckDBConnection connection, string path, int targetVersion, TimeProvider time, string csaVersion, CancellationToken cancellationToken)
    {
        var found = await ReadVersionAsync(connection, path, cancellationToken).ConfigureAwait(false);
        if (found > Latest)
        {
            throw new CsaStoreException(
                $"The store {path} was made by a newer csa (schema version {found}; this csa knows versions up to {Latest}). " +
                "Use the newer csa, or another --store.");
        }

        if (found >= targetVersion)
        {
            return found;
        }

        using var transaction = connection.BeginTransaction();
        foreach (var (version, name) in All.Where(m => m.Version > found && m.Version <= targetVersion))
        {
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = ReadScript(name);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO csa_schema VALUES ($version, $at, $csa)";
            record.Parameters.Add(new DuckDBParameter("version", version));
            record.Parameters.Add(new DuckDBParameter("at", time.GetUtcNow().UtcDateTime));
            record.Parameters.Add(new DuckDBParameter("csa", csaVersion));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return found;
    }

    public static async Task<int> ReadVersionAsync(DuckDBConnection connection, string path, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'csa_schema'";
        var hasSchemaTable = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        if (!hasSchemaTable)
        {
            command.CommandText = "SELECT count(*) FROM information_schema.tables";
            var tables = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            return tables == 0
                ? 0
                : throw new CsaStoreException($"The file {path} is a DuckDB database but not a csa store (it has no csa_schema table). Choose another --store.");
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM csa_schema";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    static string ReadScript(string resourceName)
    {
        using var stream = typeof(Migrations).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing embedded migration {resourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
