using System.Data.Common;
using Csa.Core.PoliceUk;
using Csa.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

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
        var importer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            if (file.Street is { } street)
            {
                for (var i = 0; i < street.Count; i++)
                {
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(file.ForceSlug, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(month, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                    await Text(importer, street.CrimeIds[i], cancellationToken).ConfigureAwait(false);
                    await Text(importer, street.ReportedBy[i], cancellationToken).ConfigureAwait(false);
                    await Text(importer, street.FallsWithin[i], cancellationToken).ConfigureAwait(false);
                    await Number(importer, street.Longitudes[i], cancellationToken).ConfigureAwait(false);
                    await Number(importer, street.Latitudes[i], cancellationToken).ConfigureAwait(false);
                    await Text(importer, street.Locations[i], cancellationToken).ConfigureAwait(false);
                    await Text(importer, street.LsoaCodes[i], cancellationToken).ConfigureAwait(false);
                    await Text(importer, street.LsoaNames[i], cancellationToken).ConfigureAwait(false);
                    await Text(importer, street.CrimeTypes[i], cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(PoliceUkCrimeTypes.IsAntiSocialBehaviour(street.CrimeTypes[i]), NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                    await Text(importer, street.LastOutcomes[i], cancellationToken).ConfigureAwait(false);
                    await Text(importer, street.Contexts[i], cancellationToken).ConfigureAwait(false);
                }
            }

            if (file.Outcomes is { } outcomes)
            {
                for (var i = 0; i < outcomes.Count; i++)
                {
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(file.ForceSlug, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(month, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                    await Text(importer, outcomes.CrimeIds[i], cancellationToken).ConfigureAwait(false);
                    await Text(importer, outcomes.OutcomeTypes[i], cancellationToken).ConfigureAwait(false);
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    static Task Text(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);

    static Task Number(NpgsqlBinaryImporter importer, double? value, CancellationToken cancellationToken) =>
        value is { } number ? importer.WriteAsync(number, NpgsqlDbType.Double, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
