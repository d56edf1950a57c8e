using System.Data.Common;
using Csa.Core;
using Csa.Core.Extract;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Storage.Sql.Internal;

namespace Csa.Storage.Sql;

public abstract partial class SqlStore
{
    /// <inheritdoc/>
    public async Task<PlaceLookup> GetPlacesAsync(CancellationToken cancellationToken = default)
    {
        var lsoas = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using (var command = Command("SELECT lsoa_code, ward_code, district_code FROM lsoa_area"))
        {
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lsoas[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
            }
        }

        var wards = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = Command("SELECT DISTINCT ward_code, district_code FROM lsoa_ward_district"))
        {
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                wards[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return new PlaceLookup(lsoas, wards);
    }

    /// <inheritdoc/>
    public async Task<ExtractImportResult> ImportExtractAsync(IReadOnlyList<ExtractCrime> crimes, SourceFile source, bool synthetic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(crimes);
        ArgumentNullException.ThrowIfNull(source);
        using var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await StageKeysAsync(transaction, crimes.Select(c => c.CrimeReference), cancellationToken).ConfigureAwait(false);
        var updated = await ScalarLongAsync(transaction, "SELECT count(*) FROM extract_crime WHERE crime_ref IN (SELECT key FROM incoming_key)", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DELETE FROM extract_marker WHERE crime_ref IN (SELECT key FROM incoming_key)", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DELETE FROM extract_crime WHERE crime_ref IN (SELECT key FROM incoming_key)", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DROP TABLE incoming_key", cancellationToken).ConfigureAwait(false);
        await WriteExtractAsync(transaction, crimes, source, cancellationToken).ConfigureAwait(false);
        await RecordAsync(transaction, synthetic ? "extract-synthetic" : "extract", source, crimes.Count, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return new ExtractImportResult(crimes.Count - updated, updated);
    }

    /// <summary>Puts the keys of an incoming import into the temporary table <c>incoming_key</c>, for the replacement that follows
    /// (its caller drops it before committing; a rolled-back transaction takes it away with the rest).</summary>
    async Task StageKeysAsync(DbTransaction transaction, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await ExecuteAsync(transaction, $"CREATE TEMP TABLE incoming_key (key {TextType})", cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(transaction, "incoming_key", keys.Select(key => new object?[] { key }), cancellationToken).ConfigureAwait(false);
    }

    async Task WriteExtractAsync(DbTransaction transaction, IReadOnlyList<ExtractCrime> crimes, SourceFile source, CancellationToken cancellationToken)
    {
        await WriteRowsAsync(
            transaction,
            "extract_crime",
            crimes.Select(c => new object?[]
            {
                c.CrimeReference, c.RecordedDate, Month.FromDate(c.RecordedDate).FirstDay, c.OffenceCode, c.LsoaCode, c.WardCode,
                c.DistrictCode, c.Longitude, c.Latitude, c.VictimAge, c.VictimSex.ToString().ToLowerInvariant(), c.OffenderAge,
                c.OffenderSex.ToString().ToLowerInvariant(), c.VictimSupportsRecording, source.Name, c.Line,
            }),
            cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(
            transaction,
            "extract_marker",
            crimes.SelectMany(c => c.Markers.Select(marker => new object?[] { c.CrimeReference, marker })),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<Period?> GetExtractCoverageAsync(CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(GetExtractCoverageAsync)), token => GetExtractCoverageFromFileAsync(token), cancellationToken);

    async Task<Period?> GetExtractCoverageFromFileAsync(CancellationToken cancellationToken)
    {
        using var command = Command("SELECT min(recorded_month), max(recorded_month) FROM extract_crime");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.IsDBNull(0)
            ? null
            : Period.Create(Month.FromDate(reader.GetFieldValue<DateOnly>(0)), Month.FromDate(reader.GetFieldValue<DateOnly>(1)));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ExtractDistrict>> GetExtractDistrictsAsync(CancellationToken cancellationToken = default)
    {
        using var command = Command("""
            SELECT d.district_code, d.district_name, h.partnership_code, h.partnership_name, h.force_area_code, h.force_area_name
            FROM (SELECT DISTINCT l.district_code, l.district_name FROM lsoa_ward_district l
                  WHERE l.district_code IN (SELECT DISTINCT district_code FROM extract_crime)) d
            LEFT JOIN district_hierarchy h ON h.district_code = d.district_code
            ORDER BY 1, 2, 3, 4, 5, 6
            """);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var parents = new SortedDictionary<string, (Area District, List<Area> Parents)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var code = reader.GetString(0);
            if (!parents.TryGetValue(code, out var entry))
            {
                parents[code] = entry = (new Area(code, reader.GetString(1), AreaLevel.District, null), []);
            }

            if (!reader.IsDBNull(2))
            {
                entry.Parents.Add(new Area(reader.GetString(2), reader.GetString(3), AreaLevel.Partnership, null));
                entry.Parents.Add(new Area(reader.GetString(4), reader.GetString(5), AreaLevel.ForceArea, null));
            }
        }

        return [.. parents.Values.Select(p => new ExtractDistrict(p.District, [.. p.Parents.Distinct()]))];
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ExtractCountRow>> CountExtractAsync(Area area, Period period, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(CountExtractAsync), area, period), token => CountExtractFromFileAsync(area, period, token), cancellationToken);

    async Task<IReadOnlyList<ExtractCountRow>> CountExtractFromFileAsync(Area area, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(period);
        using var command = Command($"""
            WITH a AS (
                SELECT crime_ref, recorded_month, offence_code, victim_supports, ward_code, district_code
                FROM extract_crime
                WHERE recorded_month BETWEEN $from AND $to),
            e AS (SELECT * FROM a WHERE {AreaPredicate(area.Level)})
            SELECT recorded_month, offence_code, NULL::VARCHAR AS marker, victim_supports, count(*) FROM e GROUP BY 1, 2, 4
            UNION ALL
            SELECT e.recorded_month, e.offence_code, m.marker, e.victim_supports, count(*)
            FROM e JOIN extract_marker m ON m.crime_ref = e.crime_ref
            GROUP BY 1, 2, 3, 4
            ORDER BY 1, 2, 3, 4
            """);
        command.AddParameter("from", period.From.FirstDay);
        command.AddParameter("to", period.To.FirstDay);
        command.AddParameter("area", area.Code);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ExtractCountRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ExtractCountRow(
                Month.FromDate(reader.GetFieldValue<DateOnly>(0)),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetBoolean(3),
                reader.GetInt64(4)));
        }

        return rows;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ExtractPersonCount>> CountExtractPeopleAsync(Area area, Period period, string? marker, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(CountExtractPeopleAsync), area, period, marker), token => CountExtractPeopleFromFileAsync(area, period, marker, token), cancellationToken);

    async Task<IReadOnlyList<ExtractPersonCount>> CountExtractPeopleFromFileAsync(Area area, Period period, string? marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(period);
        using var command = Command($"""
            WITH a AS (
                SELECT crime_ref, victim_age, victim_sex, offender_age, offender_sex, ward_code, district_code
                FROM extract_crime
                WHERE recorded_month BETWEEN $from AND $to),
            e AS (
                SELECT * FROM a WHERE {AreaPredicate(area.Level)}
                AND (CAST($marker AS VARCHAR) IS NULL OR crime_ref IN (SELECT crime_ref FROM extract_marker WHERE marker = $marker)))
            SELECT 'victim', victim_age, victim_sex, count(*) FROM e GROUP BY 2, 3
            UNION ALL
            SELECT 'offender', offender_age, offender_sex, count(*) FROM e GROUP BY 2, 3
            ORDER BY 1, 2, 3
            """);
        command.AddParameter("from", period.From.FirstDay);
        command.AddParameter("to", period.To.FirstDay);
        command.AddParameter("area", area.Code);
        command.AddParameter("marker", marker);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ExtractPersonCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ExtractPersonCount(
                reader.GetString(0) == "victim" ? PersonRole.Victim : PersonRole.Offender,
                reader.IsDBNull(1) ? null : reader.GetInt32(1),
                Enum.Parse<Core.Extract.Sex>(reader.GetString(2), ignoreCase: true),
                reader.GetInt64(3)));
        }

        return rows;
    }
}
