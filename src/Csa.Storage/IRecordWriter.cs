namespace Csa.Storage;

/// <summary>Writes the records of one input file into an import batch.</summary>
/// <typeparam name="T">The record type.</typeparam>
public interface IRecordWriter<T> : IAsyncDisposable
{
    /// <summary>Whether the store already held this file's force, month and kind, now being replaced.</summary>
    bool ReplacesEarlierImport { get; }

    /// <summary>Whether the earlier import had the same checksum: the replacement changes nothing.</summary>
    bool EarlierImportIdentical { get; }

    /// <summary>Adds one record.</summary>
    void Write(in T record);

    /// <summary>Finishes the file: flushes its records and records its row count in the ledger.</summary>
    Task CompleteAsync(CancellationToken cancellationToken = default);
}
