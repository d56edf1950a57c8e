using Csa.Analysis.Coverage;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Places;

/// <summary>Anti-social behaviour incidents of an area by month, from data.police.uk street data: kept apart from crime, a
/// month not held is a gap (never zero).</summary>
public sealed class AntiSocialBehaviourSeries(ICsaStore store)
{
    /// <summary>The months of <paramref name="period"/> (all held when null) with their incident counts, null where not held;
    /// the notes; and the area's street coverage the months were judged by.</summary>
    /// <exception cref="CsaQueryException">No street data is held for the area, or no incident in the months held.</exception>
    public async Task<(IReadOnlyList<(Month Month, long? Incidents)> Months, IReadOnlyList<string> Notes, StreetCoverage Coverage)> BuildAsync(Area area, Period? period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        var coverage = await StreetCoverage.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
        var span = period ?? coverage.Span ?? throw new CsaQueryException($"Not held: no data.police.uk street data is held for {area.Describe()}.");
        var held = coverage.HeldMonths(span).ToHashSet();
        if (held.Count == 0)
        {
            throw new CsaQueryException($"Not held: no month of {span} of data.police.uk street data is held for {area.Describe()}.");
        }

        var counts = (await CountByMonthAsync(area, span, cancellationToken).ConfigureAwait(false))
            .Where(c => held.Contains(c.Key))
            .ToDictionary(c => c.Key, c => c.Value);
        if (counts.Count == 0)
        {
            throw new CsaQueryException($"Not held: no anti-social behaviour incident is held for {area.Describe()} in {span}.");
        }

        var months = span.Months.Select(m => (m, held.Contains(m) ? counts.GetValueOrDefault(m) : (long?)null)).ToList();
        return (months, ["Source: data.police.uk street-level data (Open Government Licence v3.0): anti-social behaviour incidents, counted apart from crime.", .. coverage.NotesFor(span)], coverage);
    }

    /// <summary>The incidents of each month of <paramref name="period"/> that has any (a month without is absent: whether it
    /// is held is the street coverage's to say).</summary>
    public async Task<IReadOnlyDictionary<Month, long>> CountByMonthAsync(Area area, Period period, CancellationToken cancellationToken = default) =>
        (await store.CountAsync(new CountQuery(area, period, CountGrouping.Month | CountGrouping.CrimeType), cancellationToken).ConfigureAwait(false))
            .Where(c => c.IsAntiSocialBehaviour)
            .GroupBy(c => c.Month!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
}
