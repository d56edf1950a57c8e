using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Core.Official;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb;

public sealed partial class DuckDbStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<Area>> GetAreasAsync(AreaLevel level, CancellationToken cancellationToken = default)
    {
        var name = level switch
        {
            AreaLevel.Ward => "ward",
            AreaLevel.District => "district",
            AreaLevel.Partnership => "partnership",
            _ => "force_area",
        };
        return await ReadAreasAsync("level = $q", name, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordedCrimeQuarter>> GetRecordedCrimeQuartersAsync(RecordedCrimeLevel level, CancellationToken cancellationToken = default)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT area_name, financial_year, quarter, release, source_file, total FROM recorded_crime_quarter WHERE level = $level";
        command.Parameters.Add(new DuckDBParameter("level", LevelName(level)));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var quarters = new List<RecordedCrimeQuarter>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var release = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc));
            quarters.Add(new RecordedCrimeQuarter(level, reader.GetString(0), new FinancialYear(reader.GetInt32(1)), reader.GetInt32(2), release, reader.GetString(4), reader.GetInt64(5)));
        }

        return quarters;
    }

    /// <inheritdoc/>
    public async Task ReplaceRecordedCrimeAsync(IReadOnlyList<RecordedCrimeQuarter> quarters, IReadOnlyList<RecordedCrimeRow> rows, IReadOnlyDictionary<string, string?> areaCodes, SourceFile source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(areaCodes);
        if (quarters.Select(q => q.Level).Distinct().Count() > 1)
        {
            throw new ArgumentException("One replacement holds one level.", nameof(quarters));
        }

        using var transaction = _connection.BeginTransaction();
        await ExecuteAsync(transaction, "CREATE OR REPLACE TEMP TABLE replaced_quarter (level VARCHAR, area_name VARCHAR, financial_year INTEGER, quarter INTEGER)", cancellationToken).ConfigureAwait(false);
        using (var appender = _connection.CreateAppender("replaced_quarter"))
        {
            foreach (var q in quarters)
            {
                appender.CreateRow().AppendValue(LevelName(q.Level)).AppendValue(q.AreaName).AppendValue(q.Year.StartYear).AppendValue(q.Quarter).EndRow();
            }
        }

        foreach (var table in new[] { "recorded_crime", "recorded_crime_quarter" })
        {
            await ExecuteAsync(
                transaction,
                $"DELETE FROM {table} t USING replaced_quarter r WHERE t.level = r.level AND t.area_name = r.area_name AND t.financial_year = r.financial_year AND t.quarter = r.quarter",
                cancellationToken).ConfigureAwait(false);
        }

        var level = quarters.Count > 0 ? LevelName(quarters[0].Level) : "force";
        using (var appender = _connection.CreateAppender("recorded_crime"))
        {
            foreach (var row in rows)
            {
                appender.CreateRow().AppendValue(level).AppendValue(row.Area).AppendValue(areaCodes.GetValueOrDefault(row.Area)).AppendValue(row.Year.StartYear).AppendValue(row.Quarter)
                    .AppendValue(row.OffenceCode).AppendValue(row.OffenceDescription).AppendValue(row.OffenceGroup).AppendValue(row.OffenceSubgroup).AppendValue(row.Count).EndRow();
            }
        }

        using (var appender = _connection.CreateAppender("recorded_crime_quarter"))
        {
            foreach (var q in quarters)
            {
                appender.CreateRow().AppendValue(LevelName(q.Level)).AppendValue(q.AreaName).AppendValue(q.Year.StartYear).AppendValue(q.Quarter)
                    .AppendValue(q.Release.UtcDateTime).AppendValue(q.SourceFile).AppendValue(q.Total).EndRow();
            }
        }

        await ExecuteAsync(transaction, "DROP TABLE replaced_quarter", cancellationToken).ConfigureAwait(false);
        await RecordAsync(transaction, $"prc:{level}", source, rows.Count, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordedCrimeRow>> GetRecordedCrimeAsync(RecordedCrimeLevel level, string areaCodeOrName, CancellationToken cancellationToken = default)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT area_name, financial_year, quarter, offence_code, offence_description, offence_group, offence_subgroup, count
            FROM recorded_crime WHERE level = $level AND (area_code = $code OR lower(area_name) = lower($code))
            ORDER BY financial_year, quarter, offence_code
            """;
        command.Parameters.Add(new DuckDBParameter("level", LevelName(level)));
        command.Parameters.Add(new DuckDBParameter("code", areaCodeOrName));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<RecordedCrimeRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new RecordedCrimeRow(new FinancialYear(reader.GetInt32(1)), reader.GetInt32(2), reader.GetString(0), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt64(7), 0));
        }

        return rows;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<(Month Month, string CrimeType, long Count)>> CountForceStreetAsync(string forceSlug, Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT month, crime_type, count(*) FROM street_record WHERE force = $force AND NOT is_asb AND month BETWEEN $from AND $to GROUP BY month, crime_type ORDER BY month, crime_type";
        command.Parameters.Add(new DuckDBParameter("force", forceSlug));
        command.Parameters.Add(new DuckDBParameter("from", period.From.FirstDay));
        command.Parameters.Add(new DuckDBParameter("to", period.To.FirstDay));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(Month, string, long)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((Month.FromDate(reader.GetFieldValue<DateOnly>(0)), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }

    static string LevelName(RecordedCrimeLevel level) => level == RecordedCrimeLevel.Partnership ? "partnership" : "force";
}
