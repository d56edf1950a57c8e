using Csa.Core;
using Csa.Core.Classification;
using Csa.Core.Geography;
using Csa.Core.Official;
using Csa.Storage;

namespace Csa.Analysis.Harm;

/// <summary>A local extract's crimes in an area as quarterly counts by Home Office offence code, in the shape of the Home Office
/// tables, so that one severity rule serves both. Only whole quarters inside the extract are kept: a quarter the extract covers
/// in part would be annualised as if whole.</summary>
public static class ExtractOffences
{
    /// <summary>The counts, the whole quarters held (a quarter with no crime of the area among them), the quarters left out,
    /// and the extract's description.</summary>
    /// <exception cref="CsaQueryException">No extract is held, or it holds no whole quarter.</exception>
    public static async Task<(IReadOnlyList<RecordedCrimeRow> Rows, IReadOnlySet<FinancialQuarter> Held, IReadOnlyList<FinancialQuarter> PartQuarters, ExtractSource Source)> LoadAsync(ICsaStore store, Area area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(area);
        var span = await store.GetExtractCoverageAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new CsaQueryException("Not held: the store holds no local police extract (csa import extract FILE --mapping MAP.json).");
        var source = await ExtractSource.DescribeAsync(store, cancellationToken).ConfigureAwait(false);
        var quarters = span.Months.Select(FinancialQuarter.Of).Distinct().ToArray();
        var whole = quarters.Where(q => q.Period.From >= span.From && q.Period.To <= span.To).ToHashSet();
        if (whole.Count == 0)
        {
            throw new CsaQueryException($"Not held: the local extract ({span}) holds no whole quarter, and the score is by quarter and year.");
        }

        var counts = (await store.CountExtractAsync(area, span, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Marker is null && whole.Contains(FinancialQuarter.Of(r.Month)))
            .GroupBy(r => (Quarter: FinancialQuarter.Of(r.Month), r.OffenceCode))
            .Select(g =>
            {
                var known = OffenceCodes.TryFind(g.Key.OffenceCode, out var offence);
                return new RecordedCrimeRow(g.Key.Quarter.Year, g.Key.Quarter.Quarter, area.Name, g.Key.OffenceCode, known ? offence!.Description : g.Key.OffenceCode,
                    known ? offence!.Group : "Unclassified", known ? offence!.Subgroup : "Unclassified", g.Sum(r => r.Count), 0);
            })
            .ToArray();

        return (counts, whole, [.. quarters.Where(q => !whole.Contains(q))], source);
    }
}
