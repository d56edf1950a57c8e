using System.Globalization;
using Csa.Core;
using Csa.Core.Official;
using Csa.Core.PoliceUk;
using Csa.Storage;

namespace Csa.Analysis.Official;

/// <summary>data.police.uk street counts beside the Home Office's recorded crime for a force and quarter: the two views of the
/// same crimes. Street data are every crime in the force's own files (wherever it lies; anti-social behaviour left out); the
/// Home Office count is the force's row of the force-level table, fraud left out (data.police.uk publishes none). Offences are
/// matched by their Home Office group and subgroup (<see cref="StreetCategoryMatch"/>).</summary>
/// <remarks>A ratio compares like with like or is not shown: where the force's street file is missing for a month of the
/// quarter the row is flagged partial and has no ratio.</remarks>
public sealed class Reconciliation(ICsaStore store)
{
    /// <summary>One force's reconciliation, by street category.</summary>
    /// <exception cref="CsaQueryException">Neither view holds anything for the force and quarter.</exception>
    public async Task<ResultTable> ForceAsync(PoliceForce force, FinancialQuarter quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(force);
        ArgumentNullException.ThrowIfNull(quarter);
        var held = await HeldAsync(cancellationToken).ConfigureAwait(false);
        var side = await SidesAsync(force, quarter, held, cancellationToken).ConfigureAwait(false);
        if (side.HomeOffice.Count == 0 && side.MonthsHeld.Count == 0)
        {
            throw new CsaQueryException($"Not held: neither data.police.uk street data nor the Home Office tables are held for {force.Name} in {quarter} ({Describe(quarter.Period)}).");
        }

        var comparable = side.HomeOffice.Count > 0 && side.MonthsHeld.Count == 3;
        var categories = side.Street.Keys.Concat(side.HomeOffice.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(c => PoliceUkCrimeTypes.All.ToList().IndexOf(c) is var i && i < 0 ? int.MaxValue : i).ThenBy(c => c, StringComparer.Ordinal);
        // Where a view is held, a category it lacks is a real zero; where it is not held, it has no figure.
        var rows = categories.Select(c => Row(c, side.Street.GetValueOrDefault(c), side.HomeOffice.Count > 0 ? side.HomeOffice.GetValueOrDefault(c) : null, comparable, side.MonthsHeld.Count > 0)).ToList();
        rows.Add(Row("All crime (fraud left out)", side.Street.Values.Sum(), side.HomeOffice.Count > 0 ? side.HomeOffice.Values.Sum() : null, comparable, side.MonthsHeld.Count > 0));
        return ResultTable.Create(
            $"{force.Name}, {quarter} ({Describe(quarter.Period)}): data.police.uk street crimes beside Home Office recorded crime",
            ["Category", "data.police.uk", "Home Office", "Ratio (street ÷ Home Office)"],
            rows,
            [.. Notes(side, quarter)]);
    }

    /// <summary>Every force either view holds for the quarter: one row each, with its flag.</summary>
    public async Task<ResultTable> AllAsync(FinancialQuarter quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var rows = new List<IReadOnlyList<object?>>();
        var held = await HeldAsync(cancellationToken).ConfigureAwait(false);
        foreach (var force in PoliceForces.All.Where(f => f.Slug != "northern-ireland"))
        {
            var side = await SidesAsync(force, quarter, held, cancellationToken).ConfigureAwait(false);
            var homeOffice = side.HomeOffice.Count > 0 ? side.HomeOffice.Values.Sum() : (long?)null;
            var flag = Flag(side, quarter);
            var ratio = side.MonthsHeld.Count == 3 && homeOffice is > 0 ? Ratio(side.Street.Values.Sum(), homeOffice.Value) : null;
            rows.Add([force.Name, side.MonthsHeld.Count > 0 ? side.Street.Values.Sum() : null, homeOffice, ratio, flag]);
        }

        return ResultTable.Create(
            $"Every force, {quarter} ({Describe(quarter.Period)}): data.police.uk street crimes beside Home Office recorded crime (fraud left out)",
            ["Force", "data.police.uk", "Home Office", "Ratio (street ÷ Home Office)", "Flag"],
            rows,
            [
                "Street crimes are every crime in the force's own street files (wherever it lies; anti-social behaviour left out); the Home Office count is the force's row of the force-level table.",
                "A ratio is shown only where the force's street files are held for all three months and the Home Office table holds the quarter; otherwise the flag says what is missing.",
            ]);
    }

    /// <summary>The flag of a force's quarter: empty when both views are whole.</summary>
    static string Flag(Sides side, FinancialQuarter quarter) => Flag(side.MonthsHeld, side.HomeOffice.Count > 0, quarter);

    /// <summary>The flag of a force's quarter, from the months of it whose street file is held and whether the Home Office table
    /// holds it: empty when both are whole; else "street data not held", "street data partial: … not held", "no Home Office
    /// figure held". The rule of every reconciliation, and of <c>csa quality</c>'s notes.</summary>
    public static string Flag(IReadOnlySet<Month> monthsHeld, bool homeOfficeHeld, FinancialQuarter quarter)
    {
        ArgumentNullException.ThrowIfNull(monthsHeld);
        ArgumentNullException.ThrowIfNull(quarter);
        var missing = quarter.Period.Months.Where(m => !monthsHeld.Contains(m)).ToArray();
        var parts = new List<string>();
        if (missing.Length == 3)
        {
            parts.Add("street data not held");
        }
        else if (missing.Length > 0)
        {
            parts.Add($"street data partial: {string.Join(", ", missing)} not held");
        }

        if (!homeOfficeHeld)
        {
            parts.Add("no Home Office figure held");
        }

        return string.Join("; ", parts);
    }

    /// <summary>What both views hold, read once for every force asked about: the street files' force-months, and the force of
    /// each name the Home Office table holds.</summary>
    async Task<Held> HeldAsync(CancellationToken cancellationToken)
    {
        var months = await store.GetHeldStreetMonthsAsync(null, cancellationToken).ConfigureAwait(false);
        var names = (await store.GetRecordedCrimeQuartersAsync(RecordedCrimeLevel.Force, cancellationToken).ConfigureAwait(false))
            .Select(q => q.AreaName).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => (Name: n, Force: PoliceForces.TryFind(n, out var named) ? named : null))
            .Where(n => n.Force is not null)
            .ToArray();
        return new Held(months, [.. names.Select(n => (n.Name, n.Force!))]);
    }

    async Task<Sides> SidesAsync(PoliceForce force, FinancialQuarter quarter, Held held, CancellationToken cancellationToken)
    {
        var monthsHeld = held.StreetMonths.Where(m => m.ForceSlug == force.Slug && quarter.Period.Contains(m.Month)).Select(m => m.Month).ToHashSet();
        var street = (await store.CountForceStreetAsync(force.Slug, quarter.Period, cancellationToken).ConfigureAwait(false))
            .GroupBy(r => r.CrimeType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
        var names = held.HomeOfficeNames.Where(n => n.Force == force).Select(n => n.Name);
        var rows = new List<RecordedCrimeRow>();
        foreach (var name in names)
        {
            rows.AddRange(await store.GetRecordedCrimeAsync(RecordedCrimeLevel.Force, name, cancellationToken).ConfigureAwait(false));
        }

        var inQuarter = rows.Where(r => r.Year == quarter.Year && r.Quarter == quarter.Quarter).ToArray();
        var homeOffice = inQuarter.Where(r => StreetCategoryMatch.Category(r) is not null)
            .GroupBy(r => StreetCategoryMatch.Category(r)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
        return new Sides(monthsHeld, street, homeOffice, inQuarter.Where(r => StreetCategoryMatch.Category(r) is null).Sum(r => r.Count));
    }

    static IEnumerable<string> Notes(Sides side, FinancialQuarter quarter)
    {
        yield return "Street crimes are every crime in the force's own street files, wherever it lies; anti-social behaviour is left out. The Home Office count is the force's row of the force-level table.";
        yield return $"Matched by the Home Office offence group and subgroup. Cannot be matched: {StreetCategoryMatch.Unmatched}: {side.Fraud.ToString("N0", CultureInfo.InvariantCulture)} in the Home Office table, left out.";
        if (Flag(side, quarter) is { Length: > 0 } flag)
        {
            yield return $"Not like for like: {flag}. No ratio is shown.";
        }
    }

    static IReadOnlyList<object?> Row(string category, long street, long? homeOffice, bool comparable, bool streetHeld) =>
        [category, streetHeld ? street : null, homeOffice, comparable && homeOffice is > 0 ? Ratio(street, homeOffice.Value) : null];

    static FormattedNumber Ratio(long street, long homeOffice)
    {
        var ratio = (double)street / homeOffice;
        return new FormattedNumber(Math.Round(ratio, 3), ratio.ToString("0.000", CultureInfo.InvariantCulture));
    }

    static string Describe(Period period) => $"{period.From}..{period.To}";

    sealed record Held(IReadOnlyList<ForceMonth> StreetMonths, IReadOnlyList<(string Name, PoliceForce Force)> HomeOfficeNames);

    sealed record Sides(HashSet<Month> MonthsHeld, Dictionary<string, long> Street, Dictionary<string, long> HomeOffice, long Fraud);
}
