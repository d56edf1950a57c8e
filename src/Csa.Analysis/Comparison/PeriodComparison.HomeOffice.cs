using Csa.Analysis.Official;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.Official;
using Csa.Statistics;

namespace Csa.Analysis.Comparison;

public sealed partial class PeriodComparison
{
    /// <summary>Compares two periods of the Home Office tables for a force area or partnership, by the tree as the Home Office
    /// publishes it: the same pairing (month k with month k, here whole quarters, a quarter not held in either dropped from
    /// both), the same exposure rule and the same test as every other comparison, and the same result.</summary>
    /// <exception cref="CsaQueryException">A period is not whole quarters, the area is not in the tables, or no quarter is held in both.</exception>
    public async Task<ComparisonResult> CompareHomeOfficeAsync(Area area, Period earlier, Period later, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        FinancialQuarter.Covering(earlier, "--period");
        FinancialQuarter.Covering(later, "--vs");

        if (earlier == later)
        {
            throw new CsaQueryException($"The two periods are the same ({earlier}): compare two different periods.");
        }

        var (level, rows) = await RecordedCrimeSource.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
        var held = rows.Select(r => r.FinancialQuarter).ToHashSet();
        var (earlierMonths, laterMonths) = MonthsCompared(m => held.Contains(FinancialQuarter.Of(m)), earlier, later);
        var leftOut = earlier.Months.Except(earlierMonths).Concat(later.Months.Except(laterMonths)).Distinct().Order().ToArray();
        var (earlierQuarters, laterQuarters) = (earlierMonths.Select(FinancialQuarter.Of).ToHashSet(), laterMonths.Select(FinancialQuarter.Of).ToHashSet());
        var tree = HomeOfficeTree.From([.. rows.Where(r => earlierQuarters.Contains(r.FinancialQuarter) || laterQuarters.Contains(r.FinancialQuarter))]);
        long Count(string label, HashSet<FinancialQuarter> quarters) =>
            rows.Where(r => quarters.Contains(r.FinancialQuarter) && HomeOfficeTree.Counts(label, r)).Sum(r => r.Count);

        var (earlierExposure, laterExposure, exposureNote) = await ExposuresAsync(area, earlier, later, earlierMonths.Count, laterMonths.Count, cancellationToken).ConfigureAwait(false);
        var compared = tree.Rows.Select(r => (Label: new string(' ', 2 * r.Level) + r.Label, Before: Count(r.Label, earlierQuarters), After: Count(r.Label, laterQuarters)))
            .Select(r => new ComparisonRow(r.Label, r.Before, r.After, PoissonComparison.Test(r.Before, r.After, earlierExposure, laterExposure)))
            .ToList();
        string Quarters(IEnumerable<FinancialQuarter> quarters) => string.Join(", ", quarters.OrderBy(q => q.Period.From).Select(q => q.ToString()));
        var notes = new List<string>();
        if (leftOut.Length > 0)
        {
            notes.Add($"Like for like: compared over the same quarters of each period ({Quarters(earlierQuarters)} against {Quarters(laterQuarters)}); the quarters not held in one of the periods are left out of both. The counts, the change and the test all use the quarters compared.");
        }

        notes.Add("The categories are the Home Office's own offence groups and subgroups, as each row gives them (indented beneath their group); the total leaves fraud out, as the headline figure does, and fraud is shown apart.");
        notes.Add("Apparent change is (later − earlier) ÷ earlier; 'No Calc' where the earlier count is 0. A percentage of a small count moves a lot: read it with the numbers.");
        notes.Add(PoissonComparison.PoissonNote + $" Small numbers: a change where either count is under {PoissonComparison.SmallNumberThreshold} says 'compare with caution'. {exposureNote}");
        notes.Add($"Source: Home Office police recorded crime, {level.ToString().ToLowerInvariant()}-level open data tables (csa import prc); Open Government Licence v3.0. Adjustments (negative counts) are included as published.");
        var over = leftOut.Length == 0 ? string.Empty : $", over {Quarters(earlierQuarters)} and {Quarters(laterQuarters)} only";
        var title = $"{area.Describe()}: {earlier} compared with {later}{over} (Home Office recorded crime)";
        return new ComparisonResult(area, earlier, later, earlierMonths, laterMonths, leftOut, earlierExposure, laterExposure, exposureNote, compared, title, notes, false);
    }
}
