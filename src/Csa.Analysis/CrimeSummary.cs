using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.PoliceUk;
using Csa.Storage;

namespace Csa.Analysis;

/// <summary>Counts of data.police.uk street records for an area and period: the table behind <c>csa summary</c>.</summary>
/// <remarks>
/// Crime and anti-social behaviour are always in separate columns: no total mixes them. A record counts
/// for the area its LSOA lies in (through the held lookup); records with no LSOA are in no area, and
/// <c>csa quality</c> counts them. A period outside the data held is an error, never a table of zeros,
/// and a period that spans a data gap carries a note saying so.
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
        var coverage = DataCoverage.From(await store.GetHeldStreetMonthsAsync(area, cancellationToken).ConfigureAwait(false));
        if (coverage.IsEmpty)
        {
            throw new CsaQueryException($"No street data is held for {area.Describe()}: import the data.police.uk files of its force first (csa import police-uk PATH).");
        }

        var period = CheckPeriod(area, from ?? coverage.First, to ?? coverage.Last, coverage);
        var grouping = by switch
        {
            SummaryBreakdown.Month => CountGrouping.Month,
            SummaryBreakdown.Ward => CountGrouping.Ward,
            _ => CountGrouping.CrimeType,
        };
        var counts = await store.CountAsync(new CountQuery(area, period, grouping), cancellationToken).ConfigureAwait(false);
        var title = $"data.police.uk street records in {area.Describe()}, {period}, by {by.ToString().ToLowerInvariant()}";
        var notes = new List<string>(coverage.NotesFor(period))
        {
            "Anti-social behaviour is counted apart from crime and is in no crime total.",
            $"Source: data.police.uk street-level data (forces: {string.Join(", ", coverage.Forces)}); Open Government Licence v3.0.",
        };
        return by switch
        {
            SummaryBreakdown.Month => ByMonth(title, period, counts, coverage, notes),
            SummaryBreakdown.Ward => ByWard(title, await store.GetWardsAsync(area, cancellationToken).ConfigureAwait(false), counts, notes),
            _ => ByType(title, counts, notes),
        };
    }

    static Period CheckPeriod(Area area, Month from, Month to, DataCoverage coverage)
    {
        if (to < from)
        {
            throw new CsaQueryException($"The period {from}..{to} ends before it starts.");
        }

        if (from < coverage.First || to > coverage.Last)
        {
            throw new CsaQueryException(
                $"The period {from}..{to} is outside the data held for {area.Describe()}: street data runs from {coverage.First} to {coverage.Last}.");
        }

        return Period.Create(from, to);
    }

    static ResultTable ByType(string title, IReadOnlyList<CrimeCountRow> counts, List<string> notes)
    {
        var crimes = counts.Where(c => !c.IsAntiSocialBehaviour).ToDictionary(c => c.CrimeType!, c => c.Count, StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<object?>>();
        rows.AddRange(PoliceUkCrimeTypes.Crimes.Select(type => (IReadOnlyList<object?>)[type, crimes.GetValueOrDefault(type), null]));
        rows.Add(["All crime", crimes.Values.Sum(), null]);
        rows.Add([PoliceUkCrimeTypes.AntiSocialBehaviour, null, counts.Where(c => c.IsAntiSocialBehaviour).Sum(c => c.Count)]);
        return ResultTable.Create(title, ["Crime type", CrimesColumn, AntiSocialBehaviourColumn], rows, notes);
    }

    static ResultTable ByMonth(string title, Period period, IReadOnlyList<CrimeCountRow> counts, DataCoverage coverage, List<string> notes)
    {
        var missing = coverage.MissingIn(period).ToDictionary(m => m.Month, m => m.Forces);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var month in period.Months)
        {
            var crimes = counts.Where(c => c.Month == month && !c.IsAntiSocialBehaviour).Sum(c => c.Count);
            var asb = counts.Where(c => c.Month == month && c.IsAntiSocialBehaviour).Sum(c => c.Count);
            if (!missing.TryGetValue(month, out var lacking))
            {
                rows.Add([month.ToString(), crimes, asb, null]);
            }
            else if (lacking.Count == coverage.Forces.Count)
            {
                rows.Add([month.ToString(), null, null, "no data held (gap)"]);
            }
            else
            {
                rows.Add([month.ToString(), crimes, asb, $"incomplete: no {string.Join(", ", lacking)} data"]);
            }
        }

        rows.Add(["Total", Total(counts, false), Total(counts, true), missing.Count > 0 ? "incomplete: spans a data gap" : null]);
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
