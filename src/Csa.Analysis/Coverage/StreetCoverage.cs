using System.Globalization;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.PoliceUk;
using Csa.Storage;

namespace Csa.Analysis.Coverage;

/// <summary>Which months of data.police.uk street data are held whole for an area.</summary>
/// <remarks>
/// <para>An area's <em>home forces</em> come from geography: the forces of the police force areas its districts lie in
/// (through the district → police force area lookup), never from which files happen to hold a row there. A month is
/// held when every home force's street file for it is held.</para>
/// <para>British Transport Police and stray rows of other forces are counted where they fall, but their absence never
/// makes a month missing: a note says when their file is missing for a held month, with their share of the area's crime
/// in the months where it is held.</para>
/// </remarks>
public sealed class StreetCoverage : SourceCoverage
{
    readonly Area _area;
    readonly DataCoverage _ledger;
    readonly IReadOnlyList<PoliceForce> _home;
    readonly bool _homeFromRecords;
    readonly IReadOnlyDictionary<(string Force, Month Month), long> _crimes;
    readonly HashSet<Month> _held;

    StreetCoverage(Area area, DataCoverage ledger, IReadOnlyList<PoliceForce> home, bool homeFromRecords, IReadOnlyDictionary<(string, Month), long> crimes)
    {
        _area = area;
        _ledger = ledger;
        _home = home;
        _homeFromRecords = homeFromRecords;
        _crimes = crimes;
        _held = HeldByAll(ledger, home);
        Span = _held.Count == 0 ? null : Period.Create(_held.Min(), _held.Max());
    }

    /// <summary>The months every one of <paramref name="home"/> holds (none when there is no home force).</summary>
    static HashSet<Month> HeldByAll(DataCoverage ledger, IReadOnlyList<PoliceForce> home) =>
        home.Count == 0 ? [] : home.Select(f => (IEnumerable<Month>)ledger.HeldMonths(f.Slug)).Aggregate((a, b) => a.Intersect(b)).ToHashSet();

    /// <summary>Reads the held months and the area's crimes by force and month from the store.</summary>
    public static async Task<StreetCoverage> LoadAsync(ICsaStore store, Area area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(area);
        var ledger = DataCoverage.From(await store.GetHeldStreetMonthsAsync(null, cancellationToken).ConfigureAwait(false));
        var forceAreas = await store.GetForceAreaCodesAsync(area, cancellationToken).ConfigureAwait(false);
        var home = PoliceForces.Territorial.Where(f => forceAreas.Contains(f.PoliceForceAreaCode!, StringComparer.Ordinal)).ToList();
        var fromRecords = home.Count == 0 && forceAreas.Count == 0;

        // The area's crimes by force and month are needed only to name home forces from records, to explain a period
        // with nothing held, or for a note on another force missing a held month: a store where no other force lacks
        // a month the home forces hold (one force's files, or complete ones) is spared the query.
        var homeHeld = HeldByAll(ledger, home);
        var needed = fromRecords || homeHeld.Count == 0
            || ledger.Forces.Where(f => home.All(h => h.Slug != f)).Any(f => !homeHeld.IsSubsetOf(ledger.HeldMonths(f)));
        var crimes = new Dictionary<(string, Month), long>();
        if (needed && !ledger.IsEmpty)
        {
            var counts = await store.CountAsync(new CountQuery(area, Period.Create(ledger.First, ledger.Last), CountGrouping.Force | CountGrouping.Month), cancellationToken).ConfigureAwait(false);
            foreach (var row in counts.Where(c => !c.IsAntiSocialBehaviour))
            {
                crimes[(row.ForceSlug!, row.Month!.Value)] = row.Count;
            }
        }

        if (fromRecords)
        {
            // No district → police force area lookup is held: the territorial forces with records here stand in.
            var withRecords = crimes.Keys.Select(k => k.Item1).ToHashSet(StringComparer.Ordinal);
            home = [.. PoliceForces.Territorial.Where(f => withRecords.Contains(f.Slug))];
        }

        return new StreetCoverage(area, ledger, home, fromRecords, crimes);
    }

    /// <summary>The area's home forces' data.police.uk names (cambridgeshire, northumbria).</summary>
    public IReadOnlyList<string> HomeForceSlugs => [.. _home.Select(f => f.Slug)];

    /// <summary>The area's home forces' names.</summary>
    public IReadOnlyList<string> HomeForces => [.. _home.Select(f => f.Name)];

    /// <summary>Whether any street data can be counted for the area: a month held, or some force's records there.</summary>
    public bool HasData => Span is not null || _crimes.Count > 0;

    /// <inheritdoc/>
    public override string Description => $"the data.police.uk street data for {_area.Describe()}";

    /// <inheritdoc/>
    public override Period? Span { get; }

    /// <inheritdoc/>
    public override bool IsHeld(Month month) => _held.Contains(month);

    /// <inheritdoc/>
    protected override string WhyNotHeld(Period? period)
    {
        if (_home.Count == 0)
        {
            return "csa cannot tell which police force covers it: import the ONS district → police force area lookup (csa import geography FILE).";
        }

        var strays = _crimes.Where(c => period?.Contains(c.Key.Month) ?? true).Sum(c => c.Value);
        var stray = strays > 0
            ? string.Create(CultureInfo.InvariantCulture, $" The {strays:N0} crimes other forces' files place there in those months are not the area's crime, and are not shown alone.")
            : string.Empty;
        return $"Its home force ({string.Join(", ", _home.Select(f => f.Name))}): {DescribeHeld()}.{stray} " +
               (Span is { } span ? $"Ask for months from {span.From} to {span.To}, or import the missing months (csa import police-uk PATH)." : "Import its data.police.uk files (csa import police-uk PATH).");
    }

    string DescribeHeld() => string.Join("; ", _home.Select(f =>
    {
        var held = _ledger.HeldMonths(f.Slug);
        return held.Count == 0 ? $"no street file of {f.Slug} is held" : $"{f.Slug} street files are held for {DataCoverage.DescribeMonths([.. held.Order()])}";
    }));

    /// <inheritdoc/>
    public override IReadOnlyList<string> NotesFor(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var notes = new List<string>();
        if (_homeFromRecords)
        {
            notes.Add($"No district → police force area lookup is held: {_area.Name}'s home forces are taken to be the forces with records there ({string.Join(", ", _home.Select(f => f.Slug))}).");
        }

        foreach (var force in _home)
        {
            var missing = period.Months.Where(m => !_ledger.HeldMonths(force.Slug).Contains(m)).ToArray();
            if (missing.Length > 0)
            {
                notes.Add($"Data gap: no {force.Slug} street data is held for {DataCoverage.DescribeMonths(missing)}: those months are left out of every figure here, not counted as zero (a missing month is not a fall in crime).");
            }
        }

        var held = HeldMonths(period);
        var others = _crimes.Keys.Select(k => k.Force).Distinct(StringComparer.Ordinal).Where(f => _home.All(h => h.Slug != f)).Order(StringComparer.Ordinal);
        foreach (var other in others)
        {
            var lacking = held.Where(m => !_ledger.HeldMonths(other).Contains(m)).ToArray();
            if (lacking.Length == 0)
            {
                continue;
            }

            var withIt = held.Where(m => _ledger.HeldMonths(other).Contains(m)).ToArray();
            var theirs = withIt.Sum(m => _crimes.GetValueOrDefault((other, m)));
            var all = withIt.Sum(m => _crimes.Where(c => c.Key.Month == m).Sum(c => c.Value));
            var name = PoliceForces.TryGetBySlug(other, out var known) ? known.Name : other;
            var share = all == 0
                ? "it held none of the area's crime in the months where its file is held"
                : string.Create(CultureInfo.InvariantCulture, $"in the months of the period where its file is held its records were {100.0 * theirs / all:0.0}% of the area's crime ({theirs:N0} of {all:N0})");
            notes.Add($"Not held: {name} street data for {DataCoverage.DescribeMonths(lacking)}. Its records are counted where they fall; its absence does not make a month missing: {share}.");
        }

        return notes;
    }
}
