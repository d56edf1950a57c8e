using System.Data.Common;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Storage.Sql.Internal;

namespace Csa.Storage.Sql;

public abstract partial class SqlStore
{
    /// <inheritdoc/>
    public async Task<GeographyImportResult> ImportGeographyAsync(GeographyLookup lookup, SourceFile source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(source);
        var (kind, table) = lookup switch
        {
            LsoaWardDistrictLookup => ("lsoa-ward-district", "lsoa_ward_district"),
            DistrictHierarchyLookup => ("district-partnership-force", "district_hierarchy"),
            LsoaVintageLookup => ("lsoa-2011-2021", "lsoa_vintage_link"),
            _ => throw new ArgumentException($"Unknown lookup type {lookup.GetType().Name}.", nameof(lookup)),
        };
        var ledgerKind = "geography:" + kind;

        using var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var replaced = await ExecuteAsync(transaction, "DELETE FROM import_file WHERE kind = $kind", cancellationToken, ("kind", ledgerKind)).ConfigureAwait(false) > 0;
        await ExecuteAsync(transaction, $"DELETE FROM {table}", cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(transaction, table, LookupRows(lookup), cancellationToken).ConfigureAwait(false);

        await RebuildLsoaAreaAsync(transaction, cancellationToken).ConfigureAwait(false);
        await RecordAsync(transaction, ledgerKind, source, lookup.RowCount, cancellationToken).ConfigureAwait(false);
        var areas = await ScalarLongAsync(transaction, "SELECT count(*) FROM area", cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return new GeographyImportResult(kind, lookup.RowCount, replaced, checked((int)areas));
    }

    static IEnumerable<object?[]> LookupRows(GeographyLookup lookup) => lookup switch
    {
        LsoaWardDistrictLookup wards => wards.Rows.Select(r => new object?[] { r.LsoaCode, r.LsoaName, r.WardCode, r.WardName, r.DistrictCode, r.DistrictName }),
        DistrictHierarchyLookup districts => districts.Rows.Select(r => new object?[] { r.DistrictCode, r.DistrictName, r.PartnershipCode, r.PartnershipName, r.ForceAreaCode, r.ForceAreaName }),
        LsoaVintageLookup links => links.Rows.Select(r => new object?[] { r.Lsoa11Code, r.Lsoa21Code, r.Lsoa21Name }),
        _ => throw new ArgumentException($"Unknown lookup type {lookup.GetType().Name}.", nameof(lookup)),
    };

    /// <summary>Rebuilds the map from any LSOA code a record may carry to its ward and district (see 0002_geography.sql).</summary>
    async Task RebuildLsoaAreaAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            transaction,
            """
            DELETE FROM lsoa_area;
            INSERT INTO lsoa_area
            SELECT lsoa_code, '2011', ward_code, ward_name, district_code, district_name FROM lsoa_ward_district;
            INSERT INTO lsoa_area
            SELECT l.lsoa21_code, '2021', w.ward_code, w.ward_name, w.district_code, w.district_name
            FROM (
                SELECT lsoa21_code, min(lsoa11_code) AS lsoa11_code
                FROM lsoa_vintage_link
                WHERE lsoa21_code NOT IN (SELECT lsoa_code FROM lsoa_ward_district)
                GROUP BY lsoa21_code
            ) l
            JOIN lsoa_ward_district w ON w.lsoa_code = l.lsoa11_code;
            """,
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Area>> FindAreasAsync(string codeOrName, CancellationToken cancellationToken = default) =>
        RememberAsync(new AnswerKey(nameof(FindAreasAsync), codeOrName), token => FindAreasFromFileAsync(codeOrName, token), cancellationToken);

    async Task<IReadOnlyList<Area>> FindAreasFromFileAsync(string codeOrName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeOrName);
        var byCode = await ReadAreasAsync("lower(code) = lower($q)", codeOrName.Trim(), cancellationToken).ConfigureAwait(false);
        if (byCode.Count > 0)
        {
            return byCode;
        }

        var byName = await ReadAreasAsync("lower(name) = lower($q)", codeOrName.Trim(), cancellationToken).ConfigureAwait(false);
        return await DropSameGroundAsync(byName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A partnership or force area made of one district of the same name (Huntingdonshire's partnership) covers
    /// the same ground as that district: keep the district alone, so that such a name is not ambiguous.
    /// </summary>
    async Task<IReadOnlyList<Area>> DropSameGroundAsync(IReadOnlyList<Area> areas, CancellationToken cancellationToken)
    {
        var districtCodes = areas.Where(a => a.Level == AreaLevel.District).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        if (districtCodes.Count == 0 || areas.Count == 1)
        {
            return areas;
        }

        var kept = new List<Area>();
        foreach (var area in areas)
        {
            if (area.Level is AreaLevel.Partnership or AreaLevel.ForceArea)
            {
                var column = area.Level == AreaLevel.Partnership ? "partnership_code" : "force_area_code";
                var districts = await ReadStringsAsync($"SELECT DISTINCT district_code FROM district_hierarchy WHERE {column} = $q", area.Code, cancellationToken).ConfigureAwait(false);
                if (districts.Count == 1 && districtCodes.Contains(districts[0]))
                {
                    continue;
                }
            }

            kept.Add(area);
        }

        return kept;
    }

    async Task<IReadOnlyList<Area>> ReadAreasAsync(string predicate, string value, CancellationToken cancellationToken)
    {
        using var command = Command($"SELECT DISTINCT code, name, level, parent_name FROM area WHERE {predicate} ORDER BY level, name, code");
        command.AddParameter("q", value);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var areas = new List<Area>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            areas.Add(new Area(reader.GetString(0), reader.GetString(1), ParseLevel(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return [.. areas.OrderBy(a => a.Level).ThenBy(a => a.ParentName, StringComparer.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal)];
    }

    static AreaLevel ParseLevel(string level) => level switch
    {
        "ward" => AreaLevel.Ward,
        "district" => AreaLevel.District,
        "partnership" => AreaLevel.Partnership,
        "force_area" => AreaLevel.ForceArea,
        _ => throw new InvalidOperationException($"Unknown area level '{level}' in the store."),
    };
}
