using System.Globalization;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Rates;

/// <summary>Which population estimate a period's rate uses, and that estimate.</summary>
/// <remarks>
/// The one population-year rule: a period uses the ONS mid-year estimate of the calendar year that holds its middle
/// month (2016 for 2016-01..2016-12; 2015 for FY2015/16) where it is held, otherwise the nearest held year (the later
/// on a tie), and says which. A year the user names is used as asked, and is an error when not held.
/// </remarks>
public sealed record PopulationChoice(int Year, double Population, string Note)
{
    /// <summary>The year whose estimate a period uses.</summary>
    public static int YearFor(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.From.AddMonths((period.MonthCount - 1) / 2).Year;
    }

    /// <summary>Of the <paramref name="held"/> years, the one nearest to <paramref name="wanted"/> (the later on a tie), or null when none is held:
    /// the atlas's choice, which rates with what it has and says which year.</summary>
    public static int? NearestHeldYear(IEnumerable<int> held, int wanted)
    {
        ArgumentNullException.ThrowIfNull(held);
        return held.OrderBy(y => Math.Abs(y - wanted)).ThenByDescending(y => y).Select(y => (int?)y).FirstOrDefault();
    }

    /// <summary>Chooses the estimate for a period (its own year, else the nearest held), or the one for <paramref name="overrideYear"/> when given.</summary>
    /// <exception cref="CsaQueryException">No estimate is held for the area, or none for the year asked.</exception>
    public static async Task<PopulationChoice> ForPeriodAsync(ICsaStore store, Area area, Period period, int? overrideYear, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(area);
        var held = await store.GetPopulationAsync(area, cancellationToken).ConfigureAwait(false);
        var own = YearFor(period);
        var wanted = overrideYear ?? NearestHeldYear(held.Keys, own);
        if (wanted is not { } year || !held.TryGetValue(year, out var population))
        {
            var years = held.Count == 0 ? "none" : string.Join(", ", held.Keys.Order());
            throw new CsaQueryException(
                $"No population estimate{(overrideYear is null ? string.Empty : $" for {overrideYear}")} is held for {area.Describe()} (years held: {years}). " +
                "Import the mid-year estimate (csa import population FILE --year YYYY)" + (overrideYear is null ? "." : ", or name a held year with --population-year."));
        }

        var c = CultureInfo.InvariantCulture;
        var note = overrideYear is not null
            ? string.Create(c, $"Population: ONS mid-{year} estimate, {population:N0}, as asked (--population-year) for {period}.")
            : year == own
                ? string.Create(c, $"Population: ONS mid-{year} estimate, {population:N0} ({period} is rated with the estimate of the year of its middle month).")
                : string.Create(c, $"Population: ONS mid-{year} estimate, {population:N0}: the nearest held to {own}, the year of {period}'s middle month, which is not held (--population-year names another).");
        return new PopulationChoice(year, population, note);
    }
}
