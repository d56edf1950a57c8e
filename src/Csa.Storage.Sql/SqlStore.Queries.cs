using System.Data.Common;
using System.Text;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Storage.Sql.Internal;

namespace Csa.Storage.Sql;

public abstract partial class SqlStore
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<CrimeCountRow>> CountAsync(CountQuery query, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(CountAsync), query), token => CountFromFileAsync(query, token), cancellationToken);

    async Task<IReadOnlyList<CrimeCountRow>> CountFromFileAsync(CountQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var byMonth = query.Grouping.HasFlag(CountGrouping.Month);
        var byType = query.Grouping.HasFlag(CountGrouping.CrimeType);
        var byWard = query.Grouping.HasFlag(CountGrouping.Ward);
        var byLsoa = query.Grouping.HasFlag(CountGrouping.Lsoa);
        var byForce = query.Grouping.HasFlag(CountGrouping.Force);
        var select = new StringBuilder();
        select.Append(byMonth ? "s.month" : "NULL::DATE").Append(" AS month, ");
        select.Append(byType ? "s.crime_type" : "NULL::VARCHAR").Append(" AS crime_type, ");
        select.Append(byWard ? "a.ward_code, a.ward_name" : "NULL::VARCHAR, NULL::VARCHAR").Append(", ");
        var sql = $"""
            SELECT {select} s.is_asb, count(*) AS n, {(byLsoa ? "s.lsoa_code" : "NULL::VARCHAR")} AS lsoa_code, {(byForce ? "s.force" : "NULL::VARCHAR")} AS force
            FROM street_record s
            JOIN lsoa_area a ON a.lsoa_code = s.lsoa_code
            WHERE s.month BETWEEN $from AND $to AND {AreaPredicate(query.Area.Level)}
            GROUP BY 1, 2, 3, 4, 5, 7, 8
            ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
            """;
        using var command = Command(sql);
        command.AddParameter("from", query.Period.From.FirstDay);
        command.AddParameter("to", query.Period.To.FirstDay);
        command.AddParameter("area", query.Area.Code);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<CrimeCountRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new CrimeCountRow(
                reader.IsDBNull(0) ? null : Month.FromDate(reader.GetFieldValue<DateOnly>(0)),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetBoolean(4),
                reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return rows;
    }

    /// <summary>SQL that is true when the record's LSOA (joined as <c>a</c>) lies in the area <c>$area</c>.</summary>
    static string AreaPredicate(AreaLevel level) => level switch
    {
        AreaLevel.Ward => "a.ward_code = $area",
        AreaLevel.District => "a.district_code = $area",
        AreaLevel.Partnership => "a.district_code IN (SELECT district_code FROM district_hierarchy WHERE partnership_code = $area)",
        AreaLevel.ForceArea => "a.district_code IN (SELECT district_code FROM district_hierarchy WHERE force_area_code = $area)",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown area level."),
    };

    /// <summary>SQL that is true when the force <c>s.force</c> has records in the area <c>$area</c>, or always when there is no area.</summary>
    static string ForcesInAreaPredicate(Area? area) => area is null
        ? "TRUE"
        : $"""
          s.force IN (SELECT DISTINCT s.force FROM street_record s JOIN lsoa_area a ON a.lsoa_code = s.lsoa_code WHERE {AreaPredicate(area.Level)})
          """;

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> GetDistrictCodesAsync(Area area, CancellationToken cancellationToken = default) =>
        RememberAsync(
            new AnswerKey(nameof(GetDistrictCodesAsync), area),
            token => ReadAreaCodesAsync("SELECT DISTINCT a.district_code FROM lsoa_ward_district a", area, token),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> GetForceAreaCodesAsync(Area area, CancellationToken cancellationToken = default) =>
        RememberAsync(
            new AnswerKey(nameof(GetForceAreaCodesAsync), area),
            token => ReadAreaCodesAsync("SELECT DISTINCT d.force_area_code FROM lsoa_ward_district a JOIN district_hierarchy d ON d.district_code = a.district_code", area, token),
            cancellationToken);

    async Task<IReadOnlyList<string>> ReadAreaCodesAsync(string select, Area area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        using var command = Command($"{select} WHERE {AreaPredicate(area.Level)} ORDER BY 1");
        AddArea(command, area);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var codes = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<(string Code, string Name)>> GetWardsAsync(Area area, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(GetWardsAsync), area), token => GetPlacesFromFileAsync("ward", "2, 1", area, token), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<(string Code, string Name)>> GetLsoasAsync(Area area, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(GetLsoasAsync), area), token => GetPlacesFromFileAsync("lsoa", "1", area, token), cancellationToken);

    /// <summary>The wards or LSOAs of the area with their names, from the lookup.</summary>
    /// <param name="level">The lookup's column prefix: <c>ward</c> or <c>lsoa</c> (a constant, never input).</param>
    /// <param name="orderBy">The order, by column number (a constant).</param>
    /// <param name="area">The area.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    async Task<IReadOnlyList<(string Code, string Name)>> GetPlacesFromFileAsync(string level, string orderBy, Area area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        using var command = Command($"SELECT DISTINCT a.{level}_code, a.{level}_name FROM lsoa_ward_district a WHERE {AreaPredicate(area.Level)} ORDER BY {orderBy}");
        AddArea(command, area);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var places = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            places.Add((reader.GetString(0), reader.GetString(1)));
        }

        return places;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ForceMonth>> GetHeldStreetMonthsAsync(Area? area, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(GetHeldStreetMonthsAsync), area), token => GetHeldStreetMonthsFromFileAsync(area, token), cancellationToken);

    async Task<IReadOnlyList<ForceMonth>> GetHeldStreetMonthsFromFileAsync(Area? area, CancellationToken cancellationToken)
    {
        using var command = Command($"""
            SELECT f.force, f.month FROM import_file f
            WHERE f.kind = 'street'{(area is null ? string.Empty : $" AND f.force IN (SELECT DISTINCT s.force FROM street_record s WHERE {ForcesInAreaPredicate(area)})")}
            ORDER BY 1, 2
            """);
        AddArea(command, area);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var months = new List<ForceMonth>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            months.Add(new ForceMonth(reader.GetString(0), Month.FromDate(reader.GetFieldValue<DateOnly>(1))));
        }

        return months;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ForceMonthQuality>> GetQualityAsync(Area? area, CancellationToken cancellationToken = default)
    {
        var outside = await ReadForceMonthCountsAsync(
            $"""
            SELECT s.force, s.month, d.force_area_code, count(*)
            FROM street_record s
            JOIN lsoa_area a ON a.lsoa_code = s.lsoa_code
            JOIN (SELECT DISTINCT district_code, force_area_code FROM district_hierarchy) d ON d.district_code = a.district_code
            WHERE {ForcesInAreaPredicate(area)}
            GROUP BY 1, 2, 3
            """,
            area,
            (force, code) => PoliceForces.TryGetBySlug(force, out var known)
                && known.PoliceForceAreaCode is not null
                && !string.Equals(known.PoliceForceAreaCode, code, StringComparison.Ordinal),
            cancellationToken).ConfigureAwait(false);
        var duplicates = await ReadForceMonthCountsAsync(
            $"""
            SELECT force, month, NULL, CAST(sum(n - 1) AS BIGINT) FROM (
                SELECT s.force, s.month, s.crime_id, s.reported_by, s.falls_within, s.longitude, s.latitude, s.location,
                       s.lsoa_code, s.lsoa_name, s.crime_type, s.last_outcome_category, s.context, count(*) AS n
                FROM street_record s
                WHERE {ForcesInAreaPredicate(area)}
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
                HAVING count(*) > 1) repeated
            GROUP BY 1, 2
            """,
            area,
            (_, _) => true,
            cancellationToken).ConfigureAwait(false);

        using var command = Command($"""
            SELECT s.force, s.month,
                   count(*) FILTER (WHERE NOT s.is_asb),
                   count(*) FILTER (WHERE s.is_asb),
                   count(*) FILTER (WHERE s.longitude IS NULL),
                   count(*) FILTER (WHERE s.lsoa_code IS NULL),
                   count(*) FILTER (WHERE s.lsoa_code IS NOT NULL AND a.lsoa_code IS NULL),
                   count(*) FILTER (WHERE a.vintage = '2011'),
                   count(*) FILTER (WHERE a.vintage = '2021')
            FROM street_record s
            LEFT JOIN lsoa_area a ON a.lsoa_code = s.lsoa_code
            WHERE {ForcesInAreaPredicate(area)}
            GROUP BY 1, 2
            ORDER BY 1, 2
            """);
        AddArea(command, area);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ForceMonthQuality>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = new ForceMonth(reader.GetString(0), Month.FromDate(reader.GetFieldValue<DateOnly>(1)));
            rows.Add(new ForceMonthQuality(
                key.ForceSlug,
                key.Month,
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetInt64(6),
                reader.GetInt64(7),
                reader.GetInt64(8),
                outside.GetValueOrDefault(key),
                duplicates.GetValueOrDefault(key)));
        }

        return rows;
    }

    /// <summary>Sums a (force, month, code, count) query per force and month, over the rows whose code passes <paramref name="include"/>.</summary>
    async Task<Dictionary<ForceMonth, long>> ReadForceMonthCountsAsync(string sql, Area? area, Func<string, string?, bool> include, CancellationToken cancellationToken)
    {
        using var command = Command(sql);
        AddArea(command, area);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<ForceMonth, long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var force = reader.GetString(0);
            var code = reader.IsDBNull(2) ? null : reader.GetString(2);
            if (include(force, code))
            {
                var key = new ForceMonth(force, Month.FromDate(reader.GetFieldValue<DateOnly>(1)));
                counts[key] = counts.GetValueOrDefault(key) + reader.GetInt64(3);
            }
        }

        return counts;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ImportedFile>> GetImportedFilesAsync(CancellationToken cancellationToken = default)
    {
        using var command = Command("SELECT kind, force, month, source_name, sha256, bytes, row_count, imported_at FROM import_file ORDER BY kind, force, month, source_name");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var files = new List<ImportedFile>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            files.Add(new ImportedFile(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : Month.FromDate(reader.GetFieldValue<DateOnly>(2)),
                new SourceFile(reader.GetString(3), reader.GetString(4), reader.GetInt64(5)),
                reader.GetInt64(6),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc))));
        }

        return files;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, long>> GetTableCountsAsync(CancellationToken cancellationToken = default) =>
        GetTableCountsAsync(null, cancellationToken);

    async Task<IReadOnlyDictionary<string, long>> GetTableCountsAsync(DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = await GetTableNamesAsync(cancellationToken).ConfigureAwait(false);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await ScalarLongAsync(transaction, $"SELECT count(*) FROM {table}", cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    /// <summary>Every table of the schema but <c>csa_schema</c>, so that a table a later migration adds is counted and copied
    /// without a change here.</summary>
    Task<IReadOnlyList<string>> GetTableNamesAsync(CancellationToken cancellationToken) =>
        ReadStringsAsync("SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> $q ORDER BY table_name", "csa_schema", cancellationToken);

    static void AddArea(DbCommand command, Area? area)
    {
        if (area is not null)
        {
            command.AddParameter("area", area.Code);
        }
    }
}
