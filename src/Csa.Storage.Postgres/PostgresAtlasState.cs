using Csa.Core.Security;
using Npgsql;

namespace Csa.Storage.Postgres;

/// <summary>The atlas's shared state in a PostgreSQL store (tables <c>atlas_login_failure</c> and <c>atlas_key</c>), on the
/// server's pooled connections: every instance of the atlas counts the same failed logins and signs cookies with the same
/// keys.</summary>
/// <param name="dataSource">The server's connections (a role that may write these two tables: csa store grant --access atlas).</param>
sealed class PostgresAtlasState(NpgsqlDataSource dataSource) : IAtlasState
{
    /// <inheritdoc/>
    public async Task<DateTimeOffset?> LockedUntilAsync(string kind, string keyHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = dataSource.CreateCommand("SELECT locked_until FROM atlas_login_failure WHERE kind = $1 AND key_hash = $2 AND locked_until > $3");
        await using var disposeCommand = command.ConfigureAwait(false);
        command.Parameters.Add(new() { Value = kind });
        command.Parameters.Add(new() { Value = keyHash });
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime until
            ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc))
            : null;
    }

    /// <inheritdoc/>
    /// <remarks>The row is locked (<c>FOR UPDATE</c>) while its new state is worked out by <paramref name="policy"/>, so
    /// attempts at once on several instances each count; a state with nothing to remember is deleted, and so are the
    /// forgotten states of the same kind, so the table holds only the last lock duration's failures (skipping rows another
    /// attempt holds, so that two instances sweeping at once never wait for each other).</remarks>
    public async Task RecordLoginAsync(string kind, string keyHash, LockoutPolicy policy, bool succeeded, bool successClears, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var at = now.UtcDateTime;
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeConnection = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeTransaction = transaction.ConfigureAwait(false);
        if (!succeeded)
        {
            await ExecuteAsync(connection, "INSERT INTO atlas_login_failure VALUES ($1, $2, 0, $3, NULL) ON CONFLICT DO NOTHING", cancellationToken, kind, keyHash, at).ConfigureAwait(false);
        }

        (int Failures, DateTime LastFailure, DateTime? LockedUntil)? held = null;
        var select = new NpgsqlCommand("SELECT failures, last_failure, locked_until FROM atlas_login_failure WHERE kind = $1 AND key_hash = $2 FOR UPDATE", connection);
        await using (select.ConfigureAwait(false))
        {
            select.Parameters.Add(new() { Value = kind });
            select.Parameters.Add(new() { Value = keyHash });
            var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var disposeReader = reader.ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                held = (reader.GetInt32(0), reader.GetDateTime(1), reader.IsDBNull(2) ? null : reader.GetDateTime(2));
            }
        }

        if (held is { } state)
        {
            var lastFailure = Utc(state.LastFailure);
            var lockedUntil = state.LockedUntil is { } until ? Utc(until) : (DateTimeOffset?)null;
            var failures = policy.IsForgotten(lastFailure, lockedUntil, now) ? 0 : state.Failures;
            var (count, newLock) = policy.After(succeeded, failures, now, successClears);
            if (count == 0 && newLock is null)
            {
                await ExecuteAsync(connection, "DELETE FROM atlas_login_failure WHERE kind = $1 AND key_hash = $2", cancellationToken, kind, keyHash).ConfigureAwait(false);
            }
            else
            {
                await ExecuteAsync(
                    connection,
                    "UPDATE atlas_login_failure SET failures = $3, last_failure = $4, locked_until = $5 WHERE kind = $1 AND key_hash = $2",
                    cancellationToken,
                    kind,
                    keyHash,
                    count,
                    succeeded ? state.LastFailure : at,
                    newLock?.UtcDateTime).ConfigureAwait(false);
            }
        }

        if (!succeeded)
        {
            await ExecuteAsync(
                connection,
                """
                DELETE FROM atlas_login_failure WHERE (kind, key_hash) IN (
                    SELECT kind, key_hash FROM atlas_login_failure
                    WHERE kind = $1 AND last_failure <= $2 AND (locked_until IS NULL OR locked_until <= $3)
                    FOR UPDATE SKIP LOCKED)
                """,
                cancellationToken,
                kind,
                (now - policy.LockDuration).UtcDateTime,
                at).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> ReadKeys()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM atlas_key ORDER BY added_at, name");
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <inheritdoc/>
    public void AddKey(string name, string xml, DateTimeOffset now)
    {
        using var command = dataSource.CreateCommand("INSERT INTO atlas_key VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = xml });
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        command.ExecuteNonQuery();
    }

    static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using var disposeCommand = command.ConfigureAwait(false);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
