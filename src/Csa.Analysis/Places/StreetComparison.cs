using Csa.Core;
using Csa.Core.Geography;
using Csa.Statistics;
using Csa.Storage;

namespace Csa.Analysis.Places;

/// <summary>A street category's count in two periods of one area, with the apparent change and the exact test.</summary>
/// <param name="Current">The later period.</param>
/// <param name="Previous">The earlier period.</param>
/// <param name="CurrentCrimes">Crimes in the later period.</param>
/// <param name="PreviousCrimes">Crimes in the earlier period.</param>
/// <param name="PercentChange">The apparent change in per cent, or null ("No Calc") when the earlier count is 0.</param>
/// <param name="Test">The exact conditional test, exposures being the months of each period held for every force.</param>
/// <param name="Notes">How the test was made, and any month with no data held.</param>
public sealed record StreetComparisonResult(Period Current, Period Previous, long CurrentCrimes, long PreviousCrimes, decimal? PercentChange, ChangeTest Test, IReadOnlyList<string> Notes);

/// <summary>Compares an area's count of a street category between two periods: the ward panel's comparison.</summary>
public sealed class StreetComparison(ICsaStore store)
{
    /// <summary>The period of equal length just before <paramref name="current"/>.</summary>
    public static Period PreviousOf(Period current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Period.Create(current.From.AddMonths(-current.MonthCount), current.From.AddMonths(-1));
    }

    /// <summary>Compares <paramref name="current"/> with <paramref name="previous"/> (by default the period of equal length before it).</summary>
    /// <exception cref="CsaQueryException">The periods overlap, or either has no month of data held.</exception>
    public async Task<StreetComparisonResult> BuildAsync(Area area, string category, Period current, Period? previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(current);
        var earlier = previous ?? PreviousOf(current);
        if (earlier.To >= current.From)
        {
            throw new CsaQueryException($"The previous period {earlier} must end before the current period {current} begins.");
        }

        var coverage = DataCoverage.From(await store.GetHeldStreetMonthsAsync(area, cancellationToken).ConfigureAwait(false));
        var exposures = new[] { earlier, current }.Select(p => p.MonthCount - coverage.MissingIn(p).Count).ToArray();
        if (coverage.IsEmpty || exposures.Any(e => e == 0))
        {
            var empty = exposures[0] == 0 ? earlier : current;
            throw new CsaQueryException($"No street data is held for {area.Describe()} in {empty}: the periods cannot be compared.");
        }

        async Task<long> CountAsync(Period period) =>
            (await store.CountAsync(new CountQuery(area, period, CountGrouping.CrimeType), cancellationToken).ConfigureAwait(false))
                .Where(c => StreetCategory.Includes(category, c)).Sum(c => c.Count);
        var before = await CountAsync(earlier).ConfigureAwait(false);
        var after = await CountAsync(current).ConfigureAwait(false);
        var test = PoissonComparison.Test(before, after, exposures[0], exposures[1]);

        var notes = new List<string>(coverage.NotesFor(earlier));
        notes.AddRange(coverage.NotesFor(current));
        notes.Add($"The test compares monthly rates over the months held ({exposures[0]} and {exposures[1]}): {PoissonComparison.PoissonNote}");
        return new StreetComparisonResult(current, earlier, after, before, ApparentChange.Percent(before, after), test, [.. notes.Distinct()]);
    }
}
