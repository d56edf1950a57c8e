using System.Data.Common;
using System.Runtime.CompilerServices;
using Csa.Core;

namespace Csa.Storage.Sql;

public abstract partial class SqlStore
{
    /// <inheritdoc/>
    public async IAsyncEnumerable<object?[]> ReadTableAsync(string table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!(await GetTableNamesAsync(cancellationToken).ConfigureAwait(false)).Contains(table, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{table}' is not a table of the store.", nameof(table));
        }

        // The table name is one of the store's own (checked above), never other input.
        using var command = Command($"SELECT * FROM {table}");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = ReadValue(reader, i);
            }

            yield return row;
        }
    }

    /// <inheritdoc/>
    public async Task CopyFromAsync(ICsaStore source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var from = await source.GetTableCountsAsync(cancellationToken).ConfigureAwait(false);
        var to = await GetTableCountsAsync(cancellationToken).ConfigureAwait(false);
        if (source.Info.SchemaVersion != Info.SchemaVersion || !from.Keys.Order(StringComparer.Ordinal).SequenceEqual(to.Keys.Order(StringComparer.Ordinal)))
        {
            throw new CsaStoreException($"Cannot copy {source.Info.Location} to {Info.Location}: their schemas differ (versions {source.Info.SchemaVersion} and {Info.SchemaVersion}).");
        }

        if (to.Where(t => t.Value > 0).Select(t => t.Key).ToList() is { Count: > 0 } held)
        {
            throw new CsaStoreException($"Nothing was copied: {Info.Location} holds data already ({string.Join(", ", held)}), and a copy never overwrites a store. Copy into a new, empty store.");
        }

        var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            foreach (var table in from.Keys)
            {
                await WriteRowsAsync(transaction, table, source.ReadTableAsync(table, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            var copied = await GetTableCountsAsync(transaction, cancellationToken).ConfigureAwait(false);
            if (copied.FirstOrDefault(t => t.Value != from[t.Key]) is { Key: not null } mismatch)
            {
                throw new CsaStoreException($"Nothing was copied: {mismatch.Key} has {mismatch.Value} rows after the copy, where {source.Info.Location} holds {from[mismatch.Key]}.");
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A value as its column holds it: a date as <see cref="DateOnly"/>, an instant as a UTC <see cref="DateTime"/>.</summary>
    static object? ReadValue(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return reader.GetDataTypeName(ordinal).ToUpperInvariant() switch
        {
            "DATE" => reader.GetFieldValue<DateOnly>(ordinal),
            "TIMESTAMPTZ" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMP_TZ" => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc),
            _ => reader.GetValue(ordinal),
        };
    }
}
