using System.Data.Common;
using Csa.Core.PoliceUk;
using Csa.Storage.Sql;
using Npgsql;

namespace Csa.Storage.Postgres.Internal;

/// <summary>A police-uk import into PostgreSQL: each file's records written by binary COPY, inside the batch's transaction.</summary>
sealed class PoliceUkImportBatch(NpgsqlConnection connection, DbTransaction transaction, TimeProvider time, Func<string, DbCommand> command)
    : SqlPoliceUkImportBatch(transaction, time, command)
{
    /// <summary>Copies the file's records, column by column as the table holds them.</summary>
    protected override async Task WriteRecordsAsync(ValidatedPoliceUkFile file, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var month = file.Month.FirstDay;
        var copy = await BinaryCopyWriter.BeginAsync(connection, table, cancellationToken).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            if (file.Street is { } street)
            {
                for (var i = 0; i < street.Count; i++)
                {
                    if ((i & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    copy.StartRow(14);
                    copy.Text(file.ForceSlug);
                    copy.Date(month);
                    copy.Text(street.CrimeIds[i]);
                    copy.Text(street.ReportedBy[i]);
                    copy.Text(street.FallsWithin[i]);
                    copy.Double(street.Longitudes[i]);
                    copy.Double(street.Latitudes[i]);
                    copy.Text(street.Locations[i]);
                    copy.Text(street.LsoaCodes[i]);
                    copy.Text(street.LsoaNames[i]);
                    copy.Text(street.CrimeTypes[i]);
                    copy.Boolean(PoliceUkCrimeTypes.IsAntiSocialBehaviour(street.CrimeTypes[i]));
                    copy.Text(street.LastOutcomes[i]);
                    copy.Text(street.Contexts[i]);
                }
            }

            if (file.Outcomes is { } outcomes)
            {
                for (var i = 0; i < outcomes.Count; i++)
                {
                    copy.StartRow(4);
                    copy.Text(file.ForceSlug);
                    copy.Date(month);
                    copy.Text(outcomes.CrimeIds[i]);
                    copy.Text(outcomes.OutcomeTypes[i]);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
