using Csa.Analysis.Harm;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.Official;
using Csa.Core.PoliceUk;
using Csa.Storage;

namespace Csa.Analysis.Priorities;

/// <summary>How serious a category's crimes are: the mean ONS Crime Severity Score weight of its crimes, from the offence codes
/// that make it up.</summary>
/// <remarks>
/// <para>From a local extract: the area's own crimes in the period, by offence code (marker rows have no weight of their own:
/// a marker is not an offence).</para>
/// <para>From data.police.uk street data, which has no offence codes: the offence mix of each street category in the force's
/// own Home Office recorded crime for the financial quarters the period touches, through csa's match of Home Office groups
/// and subgroups to street categories (<see cref="StreetCategoryMatch"/>). That match is csa's, not data.police.uk's
/// official mapping (which is not published as data): the weight is an estimate of the category's mix, not the area's own.</para>
/// <para>Codes with no weight in the edition are left out of the mean; a category none of whose codes has a weight has none.</para>
/// </remarks>
public static class CategoryHarm
{
    /// <summary>The note a document prints under a matrix whose harm comes from street data.</summary>
    public const string StreetNote =
        "Harm for data.police.uk categories: each category's mean Crime Severity Score weight in the force's own Home Office recorded crime over the same financial quarters, " +
        "matched to street categories by Home Office offence group and subgroup. That match is csa's, not data.police.uk's official mapping (not published as data): it estimates the category's offence mix.";

    /// <summary>Each tree row's mean weight from the area's extract crimes in the period (null where none applies).</summary>
    public static async Task<IReadOnlyList<double?>> FromExtractAsync(ICsaStore store, Area area, CategoryTree tree, Period period, SeverityWeights weights, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(weights);
        var byCode = (await store.CountExtractAsync(area, period, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Marker is null)
            .GroupBy(r => r.OffenceCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
        return [.. tree.Rows.Select(row => row.Marker is not null ? null : Mean(byCode.Where(p => row.Codes.Contains(p.Key)).Select(p => (weights.Of(p.Key), p.Value))))];
    }

    /// <summary>Each tree row's mean weight from its street types' offence mix in the area's home force's Home Office rows for
    /// the financial quarters the period touches; null for every row when no such rows are held.</summary>
    public static async Task<IReadOnlyList<double?>> FromStreetAsync(ICsaStore store, Area area, CategoryTree tree, Period period, SeverityWeights weights, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(period);
        var quarters = period.Months.Select(FinancialQuarter.Of).ToHashSet();
        var byType = new Dictionary<string, List<(double?, long)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var forceArea in await store.GetForceAreaCodesAsync(area, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in await store.GetRecordedCrimeAsync(RecordedCrimeLevel.Force, forceArea, cancellationToken).ConfigureAwait(false))
            {
                if (quarters.Contains(row.FinancialQuarter) && StreetCategoryMatch.Category(row) is { } type)
                {
                    if (!byType.TryGetValue(type, out var codes))
                    {
                        byType[type] = codes = [];
                    }

                    codes.Add((weights.Of(row.OffenceCode), row.Count));
                }
            }
        }

        return [.. tree.Rows.Select(row => row.Marker is not null || row.PoliceUkTypes.Count == 0
            ? null
            : Mean(row.PoliceUkTypes.Where(t => !PoliceUkCrimeTypes.IsAntiSocialBehaviour(t)).SelectMany(t => byType.TryGetValue(t, out var codes) ? codes : [])))];
    }

    /// <summary>Σ count × weight ÷ Σ count over the weighted codes; null when no weighted crime is counted.</summary>
    static double? Mean(IEnumerable<(double? Weight, long Count)> codes)
    {
        var weighted = codes.Where(c => c.Weight is not null).ToList();
        var count = weighted.Sum(c => c.Count);
        return count <= 0 ? null : weighted.Sum(c => c.Weight!.Value * c.Count) / count;
    }
}
