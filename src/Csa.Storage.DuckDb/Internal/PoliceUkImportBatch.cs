using System.Data.Common;
using Csa.Core.PoliceUk;
using Csa.Storage.Sql;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb.Internal;

/// <summary>A police-uk import into DuckDB: each file's records written with DuckDB's appender, inside the batch's transaction.</summary>
sealed class PoliceUkImportBatch(DuckDBConnection connection, DbTransaction transaction, TimeProvider time, Func<string, DbCommand> command)
    : SqlPoliceUkImportBatch(transaction, time, command)
{
    /// <summary>Appends the file's records through DuckDB's appender (it writes within the connection's transaction).</summary>
    protected override Task WriteRecordsAsync(ValidatedPoliceUkFile file, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var month = file.Month.FirstDay;
        using var appender = connection.CreateAppender(table);
        if (file.Street is { } street)
        {
            for (var i = 0; i < street.Count; i++)
            {
                if ((i & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                appender.CreateRow()
                    .AppendValue(file.ForceSlug)
                    .AppendValue(month)
                    .AppendValue(street.CrimeIds[i])
                    .AppendValue(street.ReportedBy[i])
                    .AppendValue(street.FallsWithin[i])
                    .AppendValue(street.Longitudes[i])
                    .AppendValue(street.Latitudes[i])
                    .AppendValue(street.Locations[i])
                    .AppendValue(street.LsoaCodes[i])
                    .AppendValue(street.LsoaNames[i])
                    .AppendValue(street.CrimeTypes[i])
                    .AppendValue(PoliceUkCrimeTypes.IsAntiSocialBehaviour(street.CrimeTypes[i]))
                    .AppendValue(street.LastOutcomes[i])
                    .AppendValue(street.Contexts[i])
                    .EndRow();
            }
        }

        if (file.Outcomes is { } outcomes)
        {
            for (var i = 0; i < outcomes.Count; i++)
            {
                appender.CreateRow()
                    .AppendValue(file.ForceSlug)
                    .AppendValue(month)
                    .AppendValue(outcomes.CrimeIds[i])
                    .AppendValue(outcomes.OutcomeTypes[i])
                    .EndRow();
            }
        }

        appender.Close();
        return Task.CompletedTask;
    }
}
