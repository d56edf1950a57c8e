using Csa.Core.PoliceUk;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb.Internal;

/// <summary>Appends one street file's records through DuckDB's appender, inside the batch's transaction.</summary>
sealed class StreetRecordWriter(DuckDBAppender appender, string forceSlug, LedgerEntry ledger) : IRecordWriter<StreetRecord>
{
    long _rows;

    public bool ReplacesEarlierImport => ledger.ReplacesEarlierImport;

    public bool EarlierImportIdentical => ledger.EarlierImportIdentical;

    public void Write(in StreetRecord record)
    {
        appender.CreateRow()
            .AppendValue(forceSlug)
            .AppendValue(record.Month.FirstDay)
            .AppendValue(record.CrimeId)
            .AppendValue(record.ReportedBy)
            .AppendValue(record.FallsWithin)
            .AppendValue(record.Longitude)
            .AppendValue(record.Latitude)
            .AppendValue(record.Location)
            .AppendValue(record.LsoaCode)
            .AppendValue(record.LsoaName)
            .AppendValue(record.CrimeType)
            .AppendValue(PoliceUkCrimeTypes.IsAntiSocialBehaviour(record.CrimeType))
            .AppendValue(record.LastOutcomeCategory)
            .AppendValue(record.Context)
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
