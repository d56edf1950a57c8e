using Csa.Core;
using Csa.Storage.Sql.Internal;

namespace Csa.Storage.Sql;

public abstract partial class SqlStore
{
    /// <inheritdoc/>
    public async Task AddUserAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        if (await GetUserAsync(name, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new CsaQueryException($"An atlas account named '{name}' exists already.");
        }

        await ExecuteAsync(
            null,
            "INSERT INTO atlas_user (name, password_hash, failed_attempts, locked_until, created_at, security_stamp) VALUES ($name, $hash, 0, NULL, $at, $stamp)",
            cancellationToken,
            ("name", name),
            ("hash", passwordHash),
            ("at", Time.GetUtcNow().UtcDateTime),
            ("stamp", NewSecurityStamp())).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveUserAsync(string name, CancellationToken cancellationToken = default)
    {
        using var command = Command("DELETE FROM atlas_user WHERE name = $name");
        command.AddParameter("name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc/>
    public async Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        using var command = Command("UPDATE atlas_user SET password_hash = $hash, security_stamp = $stamp, failed_attempts = 0, locked_until = NULL WHERE name = $name");
        command.AddParameter("hash", passwordHash);
        command.AddParameter("stamp", NewSecurityStamp());
        command.AddParameter("name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc/>
    public async Task<AtlasUser?> GetUserAsync(string name, CancellationToken cancellationToken = default)
    {
        using var command = Command("SELECT name, password_hash, failed_attempts, locked_until, security_stamp FROM atlas_user WHERE name = $name");
        command.AddParameter("name", name);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        DateTimeOffset? lockedUntil = reader.IsDBNull(3) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc));
        return new AtlasUser(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), lockedUntil, reader.GetString(4));
    }

    /// <inheritdoc/>
    public async Task RecordLoginAsync(string name, int failedAttempts, DateTimeOffset? lockedUntil, CancellationToken cancellationToken = default)
    {
        using var command = Command("UPDATE atlas_user SET failed_attempts = $failures, locked_until = $until WHERE name = $name");
        command.AddParameter("failures", failedAttempts);
        command.AddParameter("until", lockedUntil?.UtcDateTime);
        command.AddParameter("name", name);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    static string NewSecurityStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
