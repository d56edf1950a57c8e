using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.Official;
using Csa.Storage;

namespace Csa.Analysis.Official;

/// <summary>The Home Office recorded crime rows held for an area: force areas from the force-level table, partnerships from the
/// partnership-level table. Other areas are not in those tables, and asking for one says so.</summary>
public static class RecordedCrimeSource
{
    /// <summary>The area's rows and the level they come from.</summary>
    /// <exception cref="CsaQueryException">The area is not a force area or partnership, or nothing is held for it ("Not held").</exception>
    public static async Task<(RecordedCrimeLevel Level, IReadOnlyList<RecordedCrimeRow> Rows)> LoadAsync(ICsaStore store, Area area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(area);
        if (area.Level == AreaLevel.District && await SameGroundPartnershipAsync(store, area, cancellationToken).ConfigureAwait(false) is { } partnership)
        {
            area = partnership;
        }

        var level = area.Level switch
        {
            AreaLevel.ForceArea => RecordedCrimeLevel.Force,
            AreaLevel.Partnership => RecordedCrimeLevel.Partnership,
            _ => throw new CsaQueryException($"The Home Office tables count crime by police force area and by Community Safety Partnership; {area.Name} ({area.Level.ToString().ToLowerInvariant()} {area.Code}) is neither: give its partnership or force area."),
        };
        var rows = await store.GetRecordedCrimeAsync(level, area.Code, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            var held = (await store.GetRecordedCrimeQuartersAsync(level, cancellationToken).ConfigureAwait(false)).Count;
            throw new CsaQueryException($"Not held: no Home Office recorded crime is held for {area.Name} ({area.Code}) at {level.ToString().ToLowerInvariant()} level ({held:N0} {level.ToString().ToLowerInvariant()}-level area-quarters are held). Import the Home Office's {(level == RecordedCrimeLevel.Force ? "force" : "partnership")}-level table (csa import prc FILE).");
        }

        return (level, rows);
    }

    /// <summary>The partnership made of this one district under its name (Huntingdonshire's), which covers the same ground.</summary>
    static async Task<Area?> SameGroundPartnershipAsync(ICsaStore store, Area district, CancellationToken cancellationToken)
    {
        foreach (var partnership in (await store.GetAreasAsync(AreaLevel.Partnership, cancellationToken).ConfigureAwait(false))
            .Where(p => p.Name.Equals(district.Name, StringComparison.OrdinalIgnoreCase)))
        {
            if ((await store.GetDistrictCodesAsync(partnership, cancellationToken).ConfigureAwait(false)).SequenceEqual([district.Code]))
            {
                return partnership;
            }
        }

        return null;
    }
}
