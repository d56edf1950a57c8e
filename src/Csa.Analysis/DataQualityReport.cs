using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.PoliceUk;
using Csa.Storage;

namespace Csa.Analysis;

/// <summary>What street data is held and how usable it is, per force and month: the table behind <c>csa quality</c>.</summary>
/// <remarks>
/// Read before any statistic: missing months (gaps), rows with no location or no LSOA (they count in no
/// area), LSOA codes the held lookups do not know, rows outside the force's own police force area,
/// exact duplicate rows, and the LSOA vintage (2011 or 2021) of the codes.
/// </remarks>
public sealed class DataQualityReport(ICsaStore store)
{
    /// <summary>Up to this many forces, each gets a note even when it has no gap.</summary>
    const int FewForces = 3;

    /// <summary>For each Home Office quarter the street data reach into, the forces whose street data do not cover it whole:
    /// the flags of <see cref="Official.Reconciliation.Flag(IReadOnlySet{Month}, bool, Core.Official.FinancialQuarter)"/>.</summary>
    async Task<IEnumerable<string>> AgainstHomeOfficeAsync(DataCoverage coverage, CancellationToken cancellationToken)
    {
        var held = await store.GetRecordedCrimeQuartersAsync(Core.Official.RecordedCrimeLevel.Force, cancellationToken).ConfigureAwait(false);
        var notes = new List<string>();
        foreach (var quarter in held.Select(q => new Core.Official.FinancialQuarter(q.Year, q.Quarter)).Distinct()
            .Where(q => q.Period.To >= coverage.First && q.Period.From <= coverage.Last).OrderBy(q => q.Period.From))
        {
            var forces = held.Where(h => h.Year == quarter.Year && h.Quarter == quarter.Quarter)
                .Select(h => PoliceForces.TryFind(h.AreaName, out var force) ? force : null).OfType<PoliceForce>().ToHashSet();
            var flagged = PoliceForces.All
                .Where(forces.Contains)
                .Select(f => (f.Name, Flag: Official.Reconciliation.Flag(coverage.Forces.Contains(f.Slug) ? coverage.HeldMonths(f.Slug).ToHashSet() : [], true, quarter)))
                .Where(f => f.Flag.Length > 0)
                .ToArray();
            if (flagged.Length > 0)
            {
                notes.Add($"Against the Home Office tables, {quarter}: {string.Join("; ", flagged.Select(f => $"{f.Name}: {f.Flag}"))}. Compare the counts with csa reconcile --all --quarter {quarter.Year}Q{quarter.Quarter}.");
            }
        }

        return notes;
    }

    /// <summary>Builds the report, for every force held or, with <paramref name="area"/>, for the forces with records in it.</summary>
    /// <exception cref="CsaQueryException">No street data is held (for the area).</exception>
    public async Task<ResultTable> BuildAsync(Area? area, CancellationToken cancellationToken = default)
    {
        var coverage = DataCoverage.From(await store.GetHeldStreetMonthsAsync(area, cancellationToken).ConfigureAwait(false));
        if (coverage.IsEmpty)
        {
            throw new CsaQueryException(area is null
                ? "No street data is held: import data.police.uk files first (csa import police-uk PATH)."
                : $"No street data is held for {area.Describe()}: import the data.police.uk files of its force first.");
        }

        var figures = (await store.GetQualityAsync(area, cancellationToken).ConfigureAwait(false))
            .ToDictionary(q => (q.ForceSlug, q.Month));
        var rows = new List<IReadOnlyList<object?>>();
        var notes = new List<string>();
        foreach (var force in coverage.Forces)
        {
            var held = coverage.HeldMonths(force);
            var gaps = coverage.Gaps(force);
            foreach (var month in Period.Create(held.Min(), held.Max()).Months)
            {
                rows.Add(figures.TryGetValue((force, month), out var q)
                    ? Row(force, month, q)
                    : [force, month.ToString(), "MISSING (gap)", null, null, null, null, null, null, null, null, null, null]);
            }

            var total = Period.Create(held.Min(), held.Max()).MonthCount;
            if (gaps.Count > 0)
            {
                notes.Add($"{force}: {held.Count} of {total} months held from {held.Min()} to {held.Max()}; missing {DataCoverage.DescribeMonths(gaps)}. Every figure spanning a gap says so.");
            }
            else if (coverage.Forces.Count <= FewForces)
            {
                notes.Add($"{force}: {held.Count} months held, {held.Min()} to {held.Max()}, with no gap.");
            }
        }

        if (coverage.Forces.Count > FewForces)
        {
            var withGaps = coverage.Forces.Count(f => coverage.Gaps(f).Count > 0);
            notes.Insert(0, $"{coverage.Forces.Count} forces held, {coverage.First} to {coverage.Last}; {coverage.Forces.Count - withGaps} of them with no gap.");
        }

        var nonTerritorial = coverage.Forces.Where(f => !PoliceForces.TryGetBySlug(f, out var known) || known.PoliceForceAreaCode is null).ToArray();
        if (nonTerritorial.Length > 0)
        {
            notes.Add($"{string.Join(", ", nonTerritorial)}: not territorial forces, so 'Outside force area' is not assessed.");
        }

        notes.AddRange(ShortHoldings(coverage));
        if (area is null)
        {
            notes.AddRange(await AgainstHomeOfficeAsync(coverage, cancellationToken).ConfigureAwait(false));
            var absent = PoliceForces.Territorial.Where(f => !coverage.Forces.Contains(f.Slug)).Select(f => f.Name).ToArray();
            if (absent.Length > 0)
            {
                notes.Add($"No data is held for {absent.Length} of the 43 territorial forces: {string.Join(", ", absent)}. They are missing, not zero.");
            }
        }
        else
        {
            notes.Add($"Figures are for each force's whole files, the forces being those with records in {area.Describe()}.");

            // What every figure for the area will use: the months its home forces all hold (the one coverage model).
            var street = await Coverage.StreetCoverage.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
            var span = Period.Create(coverage.First, coverage.Last);
            var held = street.HeldMonths(span);
            notes.Insert(0, held.Count == 0
                ? $"No month is held for {area.Describe()}: its home force ({string.Join(", ", street.HomeForces)}) has no street file here, so the records of other forces in the table are not the area's crime and no figure is given for it."
                : $"Months held for {area.Describe()} (every home force's file held; home force: {string.Join(", ", street.HomeForces)}): {DataCoverage.DescribeMonths(held)}. Other forces' records count where they fall; their missing months do not make a month missing.");
        }

        notes.Add("'Outside force area' counts rows whose LSOA lies in a district of another police force area (needs the district → force area lookup).");
        notes.Add("'Exact duplicates' are rows identical in every column to another row of the same file; anti-social behaviour rows carry no ID, so two incidents at the same anonymised point in a month look identical.");
        notes.Add("'LSOA not in lookup' rows have an LSOA code that no held ONS lookup knows: they count in no ward or district.");
        return ResultTable.Create(
            "Data quality of held data.police.uk street files, by force and month",
            ["Force", "Month", "Status", "Crimes", "Anti-social behaviour", "No location", "No location %", "No LSOA", "LSOA not in lookup", "Outside force area", "Exact duplicates", "LSOA 2011", "LSOA 2021 only"],
            rows,
            notes);
    }

    /// <summary>Forces that hold fewer months than most: the national files often lack a force for some months.</summary>
    static IEnumerable<string> ShortHoldings(DataCoverage coverage)
    {
        if (coverage.Forces.Count < 2)
        {
            yield break;
        }

        var usual = coverage.Forces
            .Select(f => Period.Create(coverage.HeldMonths(f).Min(), coverage.HeldMonths(f).Max()))
            .GroupBy(p => p)
            .OrderByDescending(g => g.Count())
            .First();
        if (usual.Count() < 2)
        {
            yield break;
        }

        foreach (var force in coverage.Forces)
        {
            var held = coverage.HeldMonths(force);
            var lacking = usual.Key.Months.Where(m => !held.Contains(m)).ToArray();
            if (lacking.Length > 0)
            {
                yield return $"{force}: holds {DataCoverage.DescribeMonths([.. held])} while most forces hold {usual.Key}; not held: {DataCoverage.DescribeMonths(lacking)}.";
            }
        }
    }

    static IReadOnlyList<object?> Row(string force, Month month, ForceMonthQuality q)
    {
        var all = q.Crimes + q.AntiSocialBehaviour;
        var share = all == 0 ? 0.0 : Math.Round(100.0 * q.NoLocation / all, 1);
        return [force, month.ToString(), "held", q.Crimes, q.AntiSocialBehaviour, q.NoLocation, share, q.NoLsoa, q.LsoaNotInLookup, q.OutsideForceArea, q.ExactDuplicates, q.Lsoa2011, q.Lsoa2021];
    }
}
