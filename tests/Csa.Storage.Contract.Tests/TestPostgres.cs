using Csa.Storage.Postgres;
using Npgsql;

namespace Csa.Storage.Contract.Tests;

/// <summary>The PostgreSQL server the tests use: <c>CSA_TEST_POSTGRES</c> holds an administrator's connection string (CI's
/// <c>.ci/run</c> starts a throw-away cluster and sets it). Each test gets a database of its own, dropped afterwards.
/// Without the variable the PostgreSQL tests are skipped, unless <c>CSA_REQUIRE_POSTGRES=1</c> (CI), when they fail.</summary>
static class TestPostgres
{
    /// <summary>The administrator's connection string, or null when no server is given.</summary>
    public static string? Admin => Environment.GetEnvironmentVariable("CSA_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Skips the test when no server is given (fails it instead when one is required).</summary>
    public static string RequireServer()
    {
        if (Admin is { } admin)
        {
            return admin;
        }

        if (Environment.GetEnvironmentVariable("CSA_REQUIRE_POSTGRES") == "1")
        {
            throw new InvalidOperationException("CSA_REQUIRE_POSTGRES=1 but CSA_TEST_POSTGRES names no server: the PostgreSQL tests cannot run.");
        }

        Skip.If(true, "No PostgreSQL server: set CSA_TEST_POSTGRES to an administrator's connection string.");
        return string.Empty;
    }

    /// <summary>Creates an empty database; returns the --store connection string of it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = RequireServer();
        var name = "csa_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public static async Task DropDatabaseAsync(string store)
    {
        var name = new NpgsqlConnectionStringBuilder(store).Database;
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Creates a role that may log in (no password: the test server trusts loopback), named
    /// <paramref name="prefix"/> and a random suffix. Drop it with <see cref="DropRoleAsync"/> after the databases it has
    /// rights in.</summary>
    public static async Task<string> CreateLoginRoleAsync(string prefix)
    {
        var role = prefix + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsAdminAsync($"CREATE ROLE {role} LOGIN");
        return role;
    }

    /// <summary>Drops a role made by <see cref="CreateLoginRoleAsync"/>.</summary>
    public static Task DropRoleAsync(string role) => ExecuteAsAdminAsync($"DROP ROLE IF EXISTS {role}");

    /// <summary>The connection string of <paramref name="store"/> as <paramref name="role"/>.</summary>
    public static string As(string store, string role) => new NpgsqlConnectionStringBuilder(store) { Username = role }.ConnectionString;

    static async Task ExecuteAsAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(RequireServer());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Opens the store in a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public static async Task<ICsaStore> OpenAsync(string store, TimeProvider time) =>
        await PostgresStore.OpenAsync(PostgresLocation.Parse(store), time);
}
