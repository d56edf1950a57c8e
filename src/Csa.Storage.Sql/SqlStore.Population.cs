using System.Data.Common;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Core.Population;
using Csa.Storage.Sql.Internal;

namespace Csa.Storage.Sql;

public abstract partial class SqlStore
{
    /// <inheritdoc/>
    public async Task ImportPopulationAsync(int year, IReadOnlyDictionary<string, double> lsoaPopulations, SourceFile source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lsoaPopulations);
        ArgumentNullException.ThrowIfNull(source);
        using var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DELETE FROM population WHERE year = $year", cancellationToken, ("year", year)).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DELETE FROM import_file WHERE kind = $kind", cancellationToken, ("kind", $"population:{year}")).ConfigureAwait(false);
        await WriteRowsAsync(transaction, "population", lsoaPopulations.Select(p => new object?[] { p.Key, year, p.Value }), cancellationToken).ConfigureAwait(false);

        await RecordAsync(transaction, $"population:{year}", source, lsoaPopulations.Count, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    /// <inheritdoc/>
    public async Task ImportDistrictPopulationAsync(IReadOnlyList<DistrictEstimate> estimates, SourceFile source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        using var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var year in estimates.Select(e => e.Year).Distinct())
        {
            await ExecuteAsync(transaction, "DELETE FROM district_population WHERE year = $year", cancellationToken, ("year", year)).ConfigureAwait(false);
        }

        await WriteRowsAsync(transaction, "district_population", estimates.Select(e => new object?[] { e.Code, e.Name, e.Year, e.Population }), cancellationToken).ConfigureAwait(false);

        await RecordAsync(transaction, "population:district", source, estimates.Count, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    /// <inheritdoc/>
    /// <remarks>A district, partnership or force area uses the district estimates where they are held (one series, never mixed
    /// with sums of LSOAs): a year's population is the sum of its 2019 districts, a merged council counting for its former
    /// districts together (<see cref="MergedCouncils"/>). Otherwise, and for wards, the sum of the area's LSOA estimates.</remarks>
    public Task<IReadOnlyDictionary<int, double>> GetPopulationAsync(Area area, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(GetPopulationAsync), area), token => GetPopulationFromFileAsync(area, token), cancellationToken);

    async Task<IReadOnlyDictionary<int, double>> GetPopulationFromFileAsync(Area area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (area.Level != AreaLevel.Ward && await DistrictSeriesAsync(area, cancellationToken).ConfigureAwait(false) is { Count: > 0 } series)
        {
            return series;
        }

        using var command = Command($"""
            SELECT p.year, sum(p.population)
            FROM population p
            JOIN (SELECT DISTINCT lsoa_code, ward_code, district_code FROM lsoa_area) a ON a.lsoa_code = p.lsoa_code
            WHERE {AreaPredicate(area.Level)}
            GROUP BY p.year
            ORDER BY p.year
            """);
        AddArea(command, area);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var years = new SortedDictionary<int, double>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            years[reader.GetInt32(0)] = reader.GetDouble(1);
        }

        return years;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PlacePopulation>> GetPlacePopulationsAsync(Area area, PlaceLevel level, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(GetPlacePopulationsAsync), area, level), token => GetPlacePopulationsFromFileAsync(area, level, token), cancellationToken);

    async Task<IReadOnlyList<PlacePopulation>> GetPlacePopulationsFromFileAsync(Area area, PlaceLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        using var command = Command(level == PlaceLevel.Ward
            ? $"""
              SELECT p.year, a.ward_code, sum(p.population)
              FROM population p
              JOIN (SELECT DISTINCT lsoa_code, ward_code, district_code FROM lsoa_area) a ON a.lsoa_code = p.lsoa_code
              WHERE {AreaPredicate(area.Level)}
              GROUP BY 1, 2 ORDER BY 1, 2
              """
            : $"""
              SELECT p.year, p.lsoa_code, p.population
              FROM population p
              JOIN (SELECT DISTINCT lsoa_code, ward_code, district_code FROM lsoa_ward_district) a ON a.lsoa_code = p.lsoa_code
              WHERE {AreaPredicate(area.Level)}
              ORDER BY 1, 2, 3
              """);
        AddArea(command, area);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<PlacePopulation>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new PlacePopulation(reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2)));
        }

        return rows;
    }

    /// <inheritdoc/>
    public async Task ImportSeriesAsync(string name, Area area, IReadOnlyList<(Month Month, long Count)> counts, SourceFile source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(counts);
        using var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DELETE FROM partner_series WHERE name = $name AND area_code = $area", cancellationToken, ("name", name), ("area", area.Code)).ConfigureAwait(false);
        await WriteRowsAsync(transaction, "partner_series", counts.Select(c => new object?[] { name, area.Code, c.Month.FirstDay, c.Count }), cancellationToken).ConfigureAwait(false);

        await RecordAsync(transaction, $"series:{name}:{area.Code}", source, counts.Count, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<(Month Month, long Count)>> GetSeriesAsync(string name, Area area, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(GetSeriesAsync), name, area), token => GetSeriesFromFileAsync(name, area, token), cancellationToken);

    async Task<IReadOnlyList<(Month Month, long Count)>> GetSeriesFromFileAsync(string name, Area area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        using var command = Command("SELECT month, count FROM partner_series WHERE lower(name) = lower($name) AND area_code = $area ORDER BY month");
        command.AddParameter("name", name);
        command.AddParameter("area", area.Code);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(Month, long)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((Month.FromDate(reader.GetFieldValue<DateOnly>(0)), reader.GetInt64(1)));
        }

        return rows;
    }

    /// <summary>Records an imported file (of no force or month) in the ledger.</summary>
    async Task RecordAsync(DbTransaction transaction, string kind, SourceFile source, long rows, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            transaction,
            "INSERT INTO import_file VALUES ($kind, NULL, NULL, $name, $sha, $bytes, $rows, $at)",
            cancellationToken,
            ("kind", kind),
            ("name", source.Name),
            ("sha", source.Sha256),
            ("bytes", source.Bytes),
            ("rows", rows),
            ("at", Time.GetUtcNow().UtcDateTime)).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task ImportDeprivationAsync(IReadOnlyDictionary<string, int> imdRanks, SourceFile source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(imdRanks);
        ArgumentNullException.ThrowIfNull(source);
        using var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DELETE FROM deprivation", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DELETE FROM import_file WHERE kind = 'deprivation'", cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(transaction, "deprivation", imdRanks.Select(r => new object?[] { r.Key, r.Value }), cancellationToken).ConfigureAwait(false);

        await RecordAsync(transaction, "deprivation", source, imdRanks.Count, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AreaIndicators>> GetAreaIndicatorsAsync(AreaLevel level, int year, CancellationToken cancellationToken = default)
    {
        var (code, name) = level switch
        {
            AreaLevel.District => ("l.district_code", "l.district_name"),
            AreaLevel.Partnership => ("h.partnership_code", "h.partnership_name"),
            AreaLevel.ForceArea => ("h.force_area_code", "h.force_area_name"),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Indicators are for districts, partnerships and force areas."),
        };
        // Each LSOA counts once per area: a district in several partnerships joins the hierarchy several times, and
        // without the DISTINCT its population and deprivation would count once per partnership (a join fan-out).
        using var command = Command($"""
            WITH membership AS (
                SELECT DISTINCT l.lsoa_code, {code} AS area_code, {name} AS area_name
                FROM lsoa_ward_district l
                JOIN district_hierarchy h ON h.district_code = l.district_code)
            SELECT m.area_code, min(m.area_name), sum(p.population), CAST(avg(d.imd_rank) AS DOUBLE PRECISION)
            FROM membership m
            LEFT JOIN population p ON p.lsoa_code = m.lsoa_code AND p.year = $year
            LEFT JOIN deprivation d ON d.lsoa_code = m.lsoa_code
            GROUP BY 1
            HAVING sum(p.population) > 0 AND count(d.imd_rank) > 0
            ORDER BY 1
            """);
        command.AddParameter("year", year);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<AreaIndicators>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new AreaIndicators(new Area(reader.GetString(0), reader.GetString(1), level, null), reader.GetDouble(2), reader.GetDouble(3)));
        }

        return rows;
    }

    /// <inheritdoc/>
    public async Task ImportBoundariesAsync(IReadOnlyList<BoundaryFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var boundaries = files.SelectMany(f => f.Boundaries).ToList();
        await StageKeysAsync(transaction, boundaries.Select(b => b.Code), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DELETE FROM boundary WHERE code IN (SELECT key FROM incoming_key)", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "DROP TABLE incoming_key", cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(
            transaction,
            "boundary",
            boundaries.Select(b => new object?[] { b.Code, b.Name, b.Kind, b.Vintage, b.GeoJson, b.Vertices, b.OriginalVertices }),
            cancellationToken).ConfigureAwait(false);

        foreach (var (fileBoundaries, source) in files)
        {
            await ExecuteAsync(transaction, "DELETE FROM import_file WHERE kind = 'boundaries' AND source_name = $name", cancellationToken, ("name", source.Name)).ConfigureAwait(false);
            await RecordAsync(transaction, "boundaries", source, fileBoundaries.Count, cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Boundary>> GetBoundariesAsync(string kind, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(GetBoundariesAsync), kind, codes is null ? null : string.Join(",", codes)), token => GetBoundariesFromFileAsync(kind, codes, token), cancellationToken);

    async Task<IReadOnlyList<Boundary>> GetBoundariesFromFileAsync(string kind, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT code, name, kind, vintage, geojson, vertices, original_vertices FROM boundary WHERE kind = $kind ORDER BY code");
        command.AddParameter("kind", kind);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var wanted = codes is null ? null : new HashSet<string>(codes, StringComparer.Ordinal);
        var rows = new List<Boundary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var code = reader.GetString(0);
            if (wanted is null || wanted.Contains(code))
            {
                rows.Add(new Boundary(code, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6)));
            }
        }

        return rows;
    }

    async Task<IReadOnlyDictionary<int, double>> DistrictSeriesAsync(Area area, CancellationToken cancellationToken)
    {
        var estimates = new Dictionary<(string Code, int Year), double>();
        using (var command = Command("SELECT district_code, year, population FROM district_population"))
        {
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                estimates[(reader.GetString(0), reader.GetInt32(1))] = reader.GetDouble(2);
            }
        }

        var series = new SortedDictionary<int, double>();
        if (estimates.Count == 0)
        {
            return series;
        }

        // Partnerships and force areas are made of whole districts: their districts come from the district lookup.
        var districts = area.Level switch
        {
            AreaLevel.District => [area.Code],
            AreaLevel.Partnership => await ReadStringsAsync("SELECT DISTINCT district_code FROM district_hierarchy WHERE partnership_code = $q", area.Code, cancellationToken).ConfigureAwait(false),
            _ => await ReadStringsAsync("SELECT DISTINCT district_code FROM district_hierarchy WHERE force_area_code = $q", area.Code, cancellationToken).ConfigureAwait(false),
        };
        foreach (var year in estimates.Keys.Select(k => k.Year).Distinct())
        {
            if (MergedCouncils.Total(districts, code => estimates.TryGetValue((code, year), out var p) ? p : null) is { } total)
            {
                series[year] = total;
            }
        }

        return series;
    }
}
