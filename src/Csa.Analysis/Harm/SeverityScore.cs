using Csa.Core;
using Csa.Core.Official;

namespace Csa.Analysis.Harm;

/// <summary>One financial year's Crime Severity Score for an area.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="QuartersHeld">Quarters of the year held (4 for a whole year).</param>
/// <param name="Offences">Offences counted, fraud left out.</param>
/// <param name="Unweighted">Of those, offences whose code has no weight (left out of the score).</param>
/// <param name="Population">The population used, or null when none is held.</param>
/// <param name="PopulationYear">The mid-year of that estimate (the year the financial year starts in, else the nearest held).</param>
/// <param name="Score">Σ(count × weight) ÷ population, per person as ONS publishes it; annualised from the quarters held in a
/// partial year; null without a population.</param>
/// <param name="ScoreByGroup">The score's part from each offence group (the same rule).</param>
public sealed record SeverityYear(
    FinancialYear Year,
    int QuartersHeld,
    long Offences,
    long Unweighted,
    double? Population,
    int? PopulationYear,
    double? Score,
    IReadOnlyDictionary<string, double> ScoreByGroup);

/// <summary>An offence code with no weight, and its share of the offences of the years scored.</summary>
/// <param name="Code">The Home Office code.</param>
/// <param name="Description">Its description.</param>
/// <param name="Count">Its offences over the years scored.</param>
/// <param name="Share">Its share of the offences counted (fraud left out).</param>
public sealed record UnweightedOffence(string Code, string Description, long Count, double Share);

/// <summary>The Crime Severity Score: Σ(offences × ONS weight) ÷ population, per person (ONS's own definition).</summary>
/// <remarks>Fraud is left out, as ONS leaves it out. Offences whose code has no weight are left out of the score and listed with
/// their share. A year with fewer than four quarters held is scored from them and annualised (× 4 ÷ quarters held), and says so.
/// The population is the mid-year estimate of the year the financial year starts in, else the nearest year held (the later
/// on a tie: <see cref="Rates.PopulationChoice.NearestHeldYear"/>, the one rule).</remarks>
public static class SeverityScore
{
    /// <summary>Scores each financial year from <paramref name="from"/> to <paramref name="to"/> that has rows, or quarters held.</summary>
    /// <param name="rows">The offences.</param>
    /// <param name="population">The population estimates by year.</param>
    /// <param name="weights">The weights.</param>
    /// <param name="from">The first year.</param>
    /// <param name="to">The last year.</param>
    /// <param name="held">The quarters the source holds, where it can hold a quarter with no offence (a local extract); null:
    /// the quarters the rows name (a Home Office table lists every code of every quarter it holds).</param>
    public static (IReadOnlyList<SeverityYear> Years, IReadOnlyList<UnweightedOffence> Unweighted) Compute(
        IReadOnlyList<RecordedCrimeRow> rows, IReadOnlyDictionary<int, double> population, SeverityWeights weights, FinancialYear from, FinancialYear to, IReadOnlySet<FinancialQuarter>? held = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(weights);
        bool InRange(FinancialYear year) => year.StartYear >= from.StartYear && year.StartYear <= to.StartYear;
        var counted = rows.Where(r => !r.IsFraud && InRange(r.Year)).ToArray();
        var quartersHeld = held ?? counted.Select(r => r.FinancialQuarter).ToHashSet();
        var years = new List<SeverityYear>();
        foreach (var year in quartersHeld.Select(q => q.Year).Where(InRange).Distinct().OrderBy(y => y.StartYear))
        {
            var inYear = counted.Where(r => r.Year == year).ToArray();
            var quarters = quartersHeld.Count(q => q.Year == year);
            var annualise = 4.0 / quarters;
            var populationYear = Rates.PopulationChoice.NearestHeldYear(population.Keys, year.StartYear);
            var people = populationYear is { } py ? population[py] : (double?)null;
            var byGroup = inYear.Where(r => weights.Of(r.OffenceCode) is not null)
                .GroupBy(r => r.OffenceGroup, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => people is { } p ? g.Sum(r => r.Count * weights.Of(r.OffenceCode)!.Value) * annualise / p : double.NaN, StringComparer.OrdinalIgnoreCase);
            var score = people is null ? (double?)null : byGroup.Values.Sum();
            years.Add(new SeverityYear(
                year,
                quarters,
                inYear.Sum(r => r.Count),
                inYear.Where(r => weights.Of(r.OffenceCode) is null).Sum(r => r.Count),
                people,
                populationYear,
                score,
                people is null ? new Dictionary<string, double>() : byGroup));
        }

        var total = counted.Sum(r => r.Count);
        var unweighted = counted.Where(r => weights.Of(r.OffenceCode) is null)
            .GroupBy(r => r.OffenceCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => new UnweightedOffence(g.Key, g.First().OffenceDescription, g.Sum(r => r.Count), total == 0 ? 0 : (double)g.Sum(r => r.Count) / total))
            .Where(u => u.Count != 0)
            .OrderByDescending(u => u.Count)
            .ToArray();
        return (years, unweighted);
    }
}
