using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Core.Official;
using Csa.Storage.Sql.Internal;

namespace Csa.Storage.Sql;

public abstract partial class SqlStore
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
        using var command = Command("SELECT area_name, financial_year, quarter, release, source_file, total FROM recorded_crime_quarter WHERE level = $level");
        command.AddParameter("level", LevelName(level));
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

        using var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, $"CREATE TEMP TABLE replaced_quarter (level {TextType}, area_name {TextType}, financial_year INTEGER, quarter INTEGER)", cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(transaction, "replaced_quarter", quarters.Select(q => new object?[] { LevelName(q.Level), q.AreaName, q.Year.StartYear, q.Quarter }), cancellationToken).ConfigureAwait(false);

        foreach (var table in new[] { "recorded_crime", "recorded_crime_quarter" })
        {
            await ExecuteAsync(
                transaction,
                $"DELETE FROM {table} t USING replaced_quarter r WHERE t.level = r.level AND t.area_name = r.area_name AND t.financial_year = r.financial_year AND t.quarter = r.quarter",
                cancellationToken).ConfigureAwait(false);
        }

        var level = quarters.Count > 0 ? LevelName(quarters[0].Level) : "force";
        await WriteRowsAsync(
            transaction,
            "recorded_crime",
            rows.Select(r => new object?[]
            {
                level, r.Area, areaCodes.GetValueOrDefault(r.Area), r.Year.StartYear, r.Quarter, r.OffenceCode, r.OffenceDescription, r.OffenceGroup, r.OffenceSubgroup, r.Count,
            }),
            cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(
            transaction,
            "recorded_crime_quarter",
            quarters.Select(q => new object?[] { LevelName(q.Level), q.AreaName, q.Year.StartYear, q.Quarter, q.Release.UtcDateTime, q.SourceFile, q.Total }),
            cancellationToken).ConfigureAwait(false);

        await ExecuteAsync(transaction, "DROP TABLE replaced_quarter", cancellationToken).ConfigureAwait(false);
        await RecordAsync(transaction, $"prc:{level}", source, rows.Count, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordedCrimeRow>> GetRecordedCrimeAsync(RecordedCrimeLevel level, string areaCodeOrName, CancellationToken cancellationToken = default)
    {
        using var command = Command("""
            SELECT area_name, financial_year, quarter, offence_code, offence_description, offence_group, offence_subgroup, count
            FROM recorded_crime WHERE level = $level AND (area_code = $code OR lower(area_name) = lower($code))
            ORDER BY financial_year, quarter, offence_code
            """);
        command.AddParameter("level", LevelName(level));
        command.AddParameter("code", areaCodeOrName);
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
        using var command = Command("SELECT month, crime_type, count(*) FROM street_record WHERE force = $force AND NOT is_asb AND month BETWEEN $from AND $to GROUP BY month, crime_type ORDER BY month, crime_type");
        command.AddParameter("force", forceSlug);
        command.AddParameter("from", period.From.FirstDay);
        command.AddParameter("to", period.To.FirstDay);
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
