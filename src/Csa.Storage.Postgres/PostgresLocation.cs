using Csa.Core;
using Npgsql;

namespace Csa.Storage.Postgres;

/// <summary>Where a PostgreSQL store is, from the <c>--store</c> value: a connection string (<c>Host=…;Database=…</c>) or a
/// URL (<c>postgres://user@host:port/database</c>). The password comes from the environment (<c>PGPASSWORD</c>) or a
/// pgpass file (<c>PGPASSFILE</c>, or <c>~/.pgpass</c>), never needed on the command line; it never appears in
/// <see cref="Display"/>, in logs or in error messages.</summary>
public sealed class PostgresLocation
{
    PostgresLocation(NpgsqlConnectionStringBuilder builder)
    {
        ConnectionString = builder.ConnectionString;
        Display = $"postgres://{(string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@")}{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>The connection string Npgsql opens (it may hold a password: never show it).</summary>
    public string ConnectionString { get; }

    /// <summary>The store as messages name it: user, host, port and database, never a password.</summary>
    public string Display { get; }

    /// <summary>Reads a <c>--store</c> value.</summary>
    /// <exception cref="CsaStoreException">The value is neither a valid URL nor a valid connection string, or names no database.</exception>
    public static PostgresLocation Parse(string store)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        var builder = store.Contains("://", StringComparison.Ordinal) ? FromUrl(store.Trim()) : FromConnectionString(store);
        if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database))
        {
            throw new CsaStoreException("A PostgreSQL --store must name a host and a database (Host=…;Database=… or postgres://host/database).");
        }

        if (string.IsNullOrEmpty(builder.Password) && Environment.GetEnvironmentVariable("PGPASSWORD") is { Length: > 0 } password)
        {
            builder.Password = password;
        }

        if (string.IsNullOrEmpty(builder.Passfile) && Environment.GetEnvironmentVariable("PGPASSFILE") is { Length: > 0 } passfile)
        {
            builder.Passfile = passfile;
        }

        builder.ApplicationName ??= "csa";
        return new PostgresLocation(builder);
    }

    static NpgsqlConnectionStringBuilder FromConnectionString(string store)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(store);
        }
        catch (ArgumentException e)
        {
            // The message of the connection string's parser names the key it did not know, never the value.
            throw new CsaStoreException($"The --store value is not a valid PostgreSQL connection string ({e.Message}).", e);
        }
    }

    static NpgsqlConnectionStringBuilder FromUrl(string store)
    {
        if (!Uri.TryCreate(store, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new CsaStoreException("The --store URL is not a postgres:// URL (postgres://user@host:port/database).");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, string.Empty);
            try
            {
                builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
            }
            catch (ArgumentException e)
            {
                throw new CsaStoreException($"The --store URL has an option PostgreSQL does not know ({e.Message}).", e);
            }
        }

        return builder;
    }
}
