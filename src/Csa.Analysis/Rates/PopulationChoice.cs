using System.Globalization;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Rates;

/// <summary>Which population estimate a period's rate uses, and that estimate.</summary>
/// <remarks>
/// A period uses the ONS mid-year estimate of the calendar year that holds its middle month (2016 for
/// 2016-01..2016-12; 2015 for FY2015/16). When the store holds no estimate for that year, it is an error
/// naming the year and the years held, unless the user names the year to use instead.
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

    /// <summary>Chooses the estimate for a period, or the one for <paramref name="overrideYear"/> when given.</summary>
    /// <exception cref="CsaQueryException">No estimate is held for the year needed.</exception>
    public static async Task<PopulationChoice> ForPeriodAsync(ICsaStore store, Area area, Period period, int? overrideYear, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(area);
        var held = await store.GetPopulationAsync(area, cancellationToken).ConfigureAwait(false);
        var wanted = overrideYear ?? YearFor(period);
        if (!held.TryGetValue(wanted, out var population))
        {
            var years = held.Count == 0 ? "none" : string.Join(", ", held.Keys);
            throw new CsaQueryException(
                $"No population estimate for {wanted} is held for {area.Describe()} (years held: {years}). " +
                "Import the mid-year estimate (csa import population FILE --year YYYY), or name the year to use with --population-year.");
        }

        var note = overrideYear is null
            ? string.Create(CultureInfo.InvariantCulture, $"Population: ONS mid-{wanted} estimate, {population:N0} ({period} is rated with the estimate of the year of its middle month).")
            : string.Create(CultureInfo.InvariantCulture, $"Population: ONS mid-{wanted} estimate, {population:N0}, as asked (--population-year) for {period}.");
        return new PopulationChoice(wanted, population, note);
    }
}
