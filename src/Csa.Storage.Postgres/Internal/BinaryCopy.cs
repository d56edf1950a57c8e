using Npgsql;
using NpgsqlTypes;

namespace Csa.Storage.Postgres.Internal;

/// <summary>One value of a row written by binary COPY, typed as the store's column is (binary COPY takes no conversion).</summary>
static class BinaryCopy
{
    public static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        string text => importer.WriteAsync(text, NpgsqlDbType.Varchar, cancellationToken),
        int number => importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
        long number => importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
        double number => importer.WriteAsync(number, NpgsqlDbType.Double, cancellationToken),
        bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
        DateOnly date => importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
        DateTime instant => importer.WriteAsync(DateTime.SpecifyKind(instant, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, cancellationToken),
        _ => throw new ArgumentException($"No binary COPY type for {value.GetType().Name}.", nameof(value)),
    };
}
