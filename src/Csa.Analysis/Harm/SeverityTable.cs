using System.Globalization;
using Csa.Analysis.Official;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Harm;

/// <summary>The Crime Severity Score of a force area or partnership by financial year, from the Home Office tables: one table by
/// year, and one of each offence group's part of the score.</summary>
public sealed class SeverityTable(ICsaStore store)
{
    /// <summary>Builds both tables for the years <paramref name="from"/> to <paramref name="to"/> (null: every year held).</summary>
    /// <exception cref="CsaQueryException">The area is not in the tables, or nothing is held for it.</exception>
    /// <param name="area">The area: a force area or partnership for the Home Office tables; any area for a local extract.</param>
    /// <param name="from">The first financial year (null: the first held).</param>
    /// <param name="to">The last financial year (null: the last held).</param>
    /// <param name="weights">The weights.</param>
    /// <param name="fromExtract">Score the local extract's crimes (by their Home Office codes) instead of the Home Office tables.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<(ResultTable ByYear, ResultTable ByGroup)> BuildAsync(Area area, FinancialYear? from, FinancialYear? to, SeverityWeights weights, bool fromExtract = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(weights);
        IReadOnlyList<Core.Official.RecordedCrimeRow> rows;
        IReadOnlySet<Core.Official.FinancialQuarter>? held = null;
        string origin;
        var extraNotes = new List<string>();
        if (fromExtract)
        {
            var (extractRows, wholeQuarters, partQuarters, source) = await ExtractOffences.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
            rows = extractRows;
            held = wholeQuarters;
            origin = "local police extract" + (source.IsSynthetic ? "; SYNTHETIC DATA" : string.Empty);
            extraNotes.Add(source.Note);
            if (partQuarters.Count > 0)
            {
                extraNotes.Add($"The extract covers {string.Join(", ", partQuarters.Select(q => q.ToString()))} only in part: those quarters are left out (a score is by whole quarters).");
            }
        }
        else
        {
            var (level, official) = await RecordedCrimeSource.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
            rows = official;
            origin = $"Home Office {level.ToString().ToLowerInvariant()}-level table";
        }

        var population = await store.GetPopulationAsync(area, cancellationToken).ConfigureAwait(false);
        var heldYears = (held?.Select(q => q.Year) ?? rows.Select(r => r.Year)).Select(y => y.StartYear).ToArray();
        var (firstHeld, lastHeld) = (new FinancialYear(heldYears.Min()), new FinancialYear(heldYears.Max()));
        var first = from ?? firstHeld;
        var last = to ?? lastHeld;
        var (years, unweighted) = SeverityScore.Compute(rows, population, weights, first, last, held);
        if (years.Count == 0)
        {
            throw new CsaQueryException($"Not held: no Home Office recorded crime for {area.Name} from {first} to {last} (held: {firstHeld} to {lastHeld}).");
        }

        var c = CultureInfo.InvariantCulture;
        var title = $"{area.Name} ({area.Code}): Crime Severity Score by financial year, {first} to {last} ({origin})";
        static string Label(SeverityYear y) => y.QuartersHeld == 4 ? y.Year.ToString() : $"{y.Year} (partial: {y.QuartersHeld} of 4 quarters)";
        var byYear = years.Select(y => (IReadOnlyList<object?>)
        [
            Label(y),
            y.Offences,
            y.Unweighted,
            y.Population is { } p ? (long)Math.Round(p) : null,
            y.PopulationYear is { } py ? new FormattedNumber(py, py.ToString(c)) : null,
            y.Score is { } s ? new FormattedNumber(Math.Round(s, 2), s.ToString("N2", c)) : null,
        ]).ToArray();
        var notes = new List<string>
        {
            "The score is Σ(offences × ONS severity weight) ÷ population, per person, as ONS publishes it (not per 1,000). Fraud is left out, as ONS leaves it out.",
            $"Weights: {weights.Edition}.",
            "Population: the ONS mid-year estimate of the year the financial year starts in, else the nearest year held (the column says which).",
        };
        notes.AddRange(extraNotes);
        if (years.Any(y => y.QuartersHeld < 4))
        {
            notes.Add("A partial year is scored from its quarters held and annualised (× 4 ÷ quarters held); it is not a whole year's count.");
        }

        if (years.Any(y => y.Population is null))
        {
            notes.Add("No population estimate is held for this area: the score cannot be computed (csa import population FILE).");
        }

        if (unweighted.Count > 0)
        {
            notes.Add("Left out of the score, having no weight in this edition (their share of the offences counted): "
                + string.Join("; ", unweighted.Take(12).Select(u => string.Create(c, $"{u.Code} {u.Description} {u.Count:N0} ({u.Share * 100:0.0}%)")))
                + (unweighted.Count > 12 ? $"; and {unweighted.Count - 12} more" : string.Empty)
                + ". Give weights for them with --weights FILE.");
        }

        var groups = years.SelectMany(y => y.ScoreByGroup.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var byGroup = groups.Select(g => (IReadOnlyList<object?>)[g, .. years.Select(y => y.ScoreByGroup.TryGetValue(g, out var v) ? new FormattedNumber(Math.Round(v, 2), v.ToString("N2", c)) : (object?)null)]).ToArray();
        return (
            ResultTable.Create(title, ["Financial year", "Offences (excluding fraud)", "Offences without a weight", "Population", "Population year", "Crime Severity Score"], byYear, notes),
            ResultTable.Create($"{area.Name} ({area.Code}): the Crime Severity Score by offence group", ["Offence group", .. years.Select(Label)], byGroup, ["Each group's part of the score (they add up to the year's score); a partial year annualised as above."]));
    }
}
