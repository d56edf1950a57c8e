using Csa.Core.PoliceUk;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb.Internal;

/// <summary>Appends one outcomes file's records through DuckDB's appender, inside the batch's transaction.</summary>
sealed class OutcomeRecordWriter(DuckDBAppender appender, string forceSlug, LedgerEntry ledger) : IRecordWriter<OutcomeRecord>
{
    long _rows;

    public bool ReplacesEarlierImport => ledger.ReplacesEarlierImport;

    public bool EarlierImportIdentical => ledger.EarlierImportIdentical;

    public void Write(in OutcomeRecord record)
    {
        appender.CreateRow()
            .AppendValue(forceSlug)
            .AppendValue(record.Month.FirstDay)
            .AppendValue(record.CrimeId)
            .AppendValue(record.OutcomeType)
            .AppendValue(record.Line)
            .EndRow();
        _rows++;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        appender.Close();
        await ledger.Batch.RecordAsync(ledger, _rows, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        appender.Dispose();
        return ValueTask.CompletedTask;
    }
}
