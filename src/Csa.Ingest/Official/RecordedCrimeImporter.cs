using Csa.Core.Geography;
using Csa.Core.Official;
using Csa.Core.PoliceUk;

namespace Csa.Ingest.Official;

/// <summary>Imports a Home Office police recorded crime table. Each area's quarter is held from one release: a newer release
/// replaces the held rows of the same level, area, year and quarter (and says how many it revised, and the largest revision),
/// an older one never replaces a newer, and the same release imported again changes nothing.</summary>
/// <remarks>The release date comes from the caller, else the file name (<c>…-191023.ods</c>), else the import's own time, so
/// that releases imported in order replace each other in order. Force names are matched to their police force area codes by
/// csa's own list of forces; partnership names through the held lookups, ignoring case, punctuation and "&amp;" against "and".</remarks>
public sealed class RecordedCrimeImporter(IRecordedCrimeImportTarget store, TimeProvider time)
{
    /// <summary>Bodies the Home Office tables hold beside the force areas, with no area of their own.</summary>
    public static IReadOnlySet<string> NationalBodies { get; } = new HashSet<string>(["British Transport Police", "Action Fraud", "CIFAS", "UK Finance"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Imports the tables at <paramref name="paths"/>, in order, as released on <paramref name="release"/> when given.
    /// Every file is read and checked before any is written.</summary>
    /// <exception cref="Core.Importing.CsaImportException">A file is not such a table, or has bad rows; nothing was imported.</exception>
    public async Task<IReadOnlyList<RecordedCrimeImportResult>> ImportAsync(IReadOnlyList<string> paths, DateTimeOffset? release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var tables = new List<(string Path, RecordedCrimeLevel Level, IReadOnlyList<RecordedCrimeRow> Rows, Core.Importing.SourceFile Source)>();
        var issues = new List<Core.Importing.ImportIssue>();
        foreach (var path in paths)
        {
            try
            {
                var (level, rows, source) = await RecordedCrimeTableReader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
                tables.Add((path, level, rows, source));
            }
            catch (Core.Importing.CsaImportException e)
            {
                issues.AddRange(e.Issues);
            }
        }

        if (issues.Count > 0)
        {
            throw new Core.Importing.CsaImportException(issues);
        }

        var results = new List<RecordedCrimeImportResult>();
        foreach (var (path, level, rows, source) in tables)
        {
            results.Add(await ApplyAsync(path, level, rows, source, release, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    async Task<RecordedCrimeImportResult> ApplyAsync(string path, RecordedCrimeLevel level, IReadOnlyList<RecordedCrimeRow> rows, Core.Importing.SourceFile source, DateTimeOffset? release, CancellationToken cancellationToken)
    {
        var (when, from) = release is { } given ? (given, "--release")
            : RecordedCrimeRelease.FromFileName(path) is { } named ? (named, "the file name")
            : (time.GetUtcNow(), "the import order (no --release and no date in the file name)");

        var held = (await store.GetRecordedCrimeQuartersAsync(level, cancellationToken).ConfigureAwait(false)).ToDictionary(q => (q.AreaName, q.Year, q.Quarter));
        var (added, unchanged, revised, kept) = (0, 0, 0, 0);
        RecordedCrimeRevision? largest = null;
        var quarters = new List<RecordedCrimeQuarter>();
        var written = new List<RecordedCrimeRow>();
        foreach (var quarter in rows.GroupBy(r => (r.Area, r.Year, r.Quarter)))
        {
            var total = quarter.Sum(r => r.Count);
            if (held.TryGetValue(quarter.Key, out var before))
            {
                if (before.Release > when)
                {
                    kept++;
                    continue;
                }

                if (before.Total == total)
                {
                    unchanged++;
                }
                else
                {
                    revised++;
                    if (largest is null || Math.Abs(total - before.Total) > Math.Abs(largest.After - largest.Before))
                    {
                        largest = new RecordedCrimeRevision(quarter.Key.Area, quarter.Key.Year, quarter.Key.Quarter, before.Total, total);
                    }
                }
            }
            else
            {
                added++;
            }

            quarters.Add(new RecordedCrimeQuarter(level, quarter.Key.Area, quarter.Key.Year, quarter.Key.Quarter, when, source.Name, total));
            written.AddRange(quarter);
        }

        var areas = await store.GetAreasAsync(level == RecordedCrimeLevel.Partnership ? AreaLevel.Partnership : AreaLevel.ForceArea, cancellationToken).ConfigureAwait(false);
        var byName = areas.GroupBy(a => AreaNames.MatchKey(a.Name)).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
        var codes = rows.Select(r => r.Area).Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => CodeOf(n, level, byName), StringComparer.Ordinal);
        if (quarters.Count > 0)
        {
            await store.ReplaceRecordedCrimeAsync(quarters, written, codes, source, cancellationToken).ConfigureAwait(false);
        }

        var noArea = codes.Where(c => c.Value is null).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        return new RecordedCrimeImportResult(
            level,
            rows.Count,
            when,
            from,
            added,
            unchanged,
            revised,
            kept,
            largest,
            [.. noArea.Where(NationalBodies.Contains)],
            [.. noArea.Where(n => !NationalBodies.Contains(n))]);
    }

    /// <summary>The ONS code of a table's area name: a force's from csa's own list of forces (no lookup needed), else the held
    /// lookups' area of that name; null for a national body or an unmatched name.</summary>
    static string? CodeOf(string name, RecordedCrimeLevel level, Dictionary<string, string> lookupCodes) =>
        level == RecordedCrimeLevel.Force && PoliceForces.TryFind(name, out var force) && force.PoliceForceAreaCode is { } code
            ? code
            : lookupCodes.GetValueOrDefault(AreaNames.MatchKey(name));
}
