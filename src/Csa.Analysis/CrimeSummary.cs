using Csa.Analysis.Coverage;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.PoliceUk;
using Csa.Storage;

namespace Csa.Analysis;

/// <summary>Counts of data.police.uk street records for an area and period: the table behind <c>csa summary</c>.</summary>
/// <remarks>
/// Crime and anti-social behaviour are always in separate columns: no total mixes them. A record counts
/// for the area its LSOA lies in (through the held lookup); records with no LSOA are in no area, and
/// <c>csa quality</c> counts them. Only months held for the area (see <see cref="StreetCoverage"/>) are counted; a
/// period with no month held is an error, never a table of zeros, and a period that spans a gap says so.
/// </remarks>
public sealed class CrimeSummary(ICsaStore store)
{
    /// <summary>Column heading of crime counts.</summary>
    public const string CrimesColumn = "Crimes";

    /// <summary>Column heading of anti-social behaviour counts.</summary>
    public const string AntiSocialBehaviourColumn = "Anti-social behaviour";

    /// <summary>Builds the summary table.</summary>
    /// <param name="area">The area.</param>
    /// <param name="from">The first month; the first month held when null.</param>
    /// <param name="to">The last month; the last month held when null.</param>
    /// <param name="by">The breakdown.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="CsaQueryException">No data is held for the area, or the period is reversed or outside the data held.</exception>
    public async Task<ResultTable> BuildAsync(Area area, Month? from, Month? to, SummaryBreakdown by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        var coverage = await StreetCoverage.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
        if (!coverage.HasData)
        {
            throw new CsaQueryException($"No street data is held for {area.Describe()}: import the data.police.uk files of its force first (csa import police-uk PATH).");
        }

        var period = coverage.Complete(from, to);
        var held = coverage.RequireHeld(period, string.Empty).ToHashSet();
        var grouping = CountGrouping.Month | by switch
        {
            SummaryBreakdown.Month => CountGrouping.None,
            SummaryBreakdown.Ward => CountGrouping.Ward,
            _ => CountGrouping.CrimeType,
        };

        // Only held months count: another force's rows in a month the home force lacks are not the area's crime.
        var counts = (await store.CountAsync(new CountQuery(area, period, grouping), cancellationToken).ConfigureAwait(false))
            .Where(c => held.Contains(c.Month!.Value)).ToList();
        var partial = held.Count < period.MonthCount ? $" (partial: {held.Count} of {period.MonthCount} months held)" : string.Empty;
        var title = $"data.police.uk street records in {area.Describe()}, {period}{partial}, by {by.ToString().ToLowerInvariant()}";
        var notes = new List<string>(coverage.NotesFor(period))
        {
            "Anti-social behaviour is counted apart from crime and is in no crime total.",
            $"Source: data.police.uk street-level data (home force: {string.Join(", ", coverage.HomeForces)}; records of other forces, such as British Transport Police, are counted where they fall); Open Government Licence v3.0.",
        };
        return by switch
        {
            SummaryBreakdown.Month => ByMonth(title, period, counts, held, notes),
            SummaryBreakdown.Ward => ByWard(title, await store.GetWardsAsync(area, cancellationToken).ConfigureAwait(false), counts, notes),
            _ => ByType(title, counts, notes),
        };
    }

    static ResultTable ByType(string title, IReadOnlyList<CrimeCountRow> counts, List<string> notes)
    {
        var crimes = counts.Where(c => !c.IsAntiSocialBehaviour).GroupBy(c => c.CrimeType!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<object?>>();
        rows.AddRange(PoliceUkCrimeTypes.Crimes.Select(type => (IReadOnlyList<object?>)[type, crimes.GetValueOrDefault(type), null]));
        rows.Add(["All crime", crimes.Values.Sum(), null]);
        rows.Add([PoliceUkCrimeTypes.AntiSocialBehaviour, null, counts.Where(c => c.IsAntiSocialBehaviour).Sum(c => c.Count)]);
        return ResultTable.Create(title, ["Crime type", CrimesColumn, AntiSocialBehaviourColumn], rows, notes);
    }

    static ResultTable ByMonth(string title, Period period, IReadOnlyList<CrimeCountRow> counts, HashSet<Month> held, List<string> notes)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var month in period.Months)
        {
            var crimes = counts.Where(c => c.Month == month && !c.IsAntiSocialBehaviour).Sum(c => c.Count);
            var asb = counts.Where(c => c.Month == month && c.IsAntiSocialBehaviour).Sum(c => c.Count);
            rows.Add(held.Contains(month) ? [month.ToString(), crimes, asb, null] : [month.ToString(), null, null, "no data held (gap)"]);
        }

        rows.Add(["Total", Total(counts, false), Total(counts, true), held.Count < period.MonthCount ? $"partial: {held.Count} of {period.MonthCount} months held" : null]);
        return ResultTable.Create(title, ["Month", CrimesColumn, AntiSocialBehaviourColumn, "Note"], rows, notes);
    }

    static long Total(IReadOnlyList<CrimeCountRow> counts, bool antiSocialBehaviour) =>
        counts.Where(c => c.IsAntiSocialBehaviour == antiSocialBehaviour).Sum(c => c.Count);

    static ResultTable ByWard(string title, IReadOnlyList<(string Code, string Name)> wards, IReadOnlyList<CrimeCountRow> counts, List<string> notes)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (code, name) in wards)
        {
            var crimes = counts.Where(c => c.WardCode == code && !c.IsAntiSocialBehaviour).Sum(c => c.Count);
            var asb = counts.Where(c => c.WardCode == code && c.IsAntiSocialBehaviour).Sum(c => c.Count);
            rows.Add([code, name, crimes, asb]);
        }

        rows.Add(["Total", null, Total(counts, false), Total(counts, true)]);
        notes.Add("Wards are those of the held LSOA → ward lookup; a record counts in the ward its LSOA lies in.");
        return ResultTable.Create(title, ["Ward code", "Ward", CrimesColumn, AntiSocialBehaviourColumn], rows, notes);
    }
}
