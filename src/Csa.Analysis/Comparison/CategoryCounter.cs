using Csa.Analysis.Coverage;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Classification;
using Csa.Core.Geography;
using Csa.Core.PoliceUk;
using Csa.Storage;

namespace Csa.Analysis.Comparison;

/// <summary>Counts a tree's rows for an area and period, from a local extract or from data.police.uk street data.</summary>
/// <remarks>
/// The extract is used when the store holds one and every row of the tree can be counted from it; otherwise
/// data.police.uk street data, when every row can be counted from its crime types. Exclusions remove offence
/// codes (or, on street data, crime types) from every row. Counts are made of held months only (see
/// <see cref="Coverage"/>); a period with no held month is an error that says why.
/// </remarks>
public sealed class CategoryCounter
{
    readonly ICsaStore _store;
    readonly CategoryTree _tree;
    readonly Exclusion _exclusion;
    readonly Area _area;

    CategoryCounter(ICsaStore store, CategoryTree tree, Exclusion exclusion, Area area, CountSource source, SourceCoverage coverage)
    {
        _store = store;
        _tree = tree;
        _exclusion = exclusion;
        _area = area;
        Source = source;
        Coverage = coverage;
    }

    /// <summary>The data the counts come from.</summary>
    public CountSource Source { get; }

    /// <summary>Which months the source holds whole for the area: counts are made of those months only.</summary>
    public SourceCoverage Coverage { get; }

    /// <summary>Chooses the source for a tree and area, and checks the exclusions.</summary>
    /// <remarks>A local extract is used when it can count every row and covers every period needed; otherwise
    /// data.police.uk street data when it can and does; otherwise the extract, if any (and a period outside it is
    /// then not held).</remarks>
    /// <exception cref="CsaQueryException">No data can count the tree for the area, or an exclusion is unknown.</exception>
    public static async Task<CategoryCounter> CreateAsync(ICsaStore store, CategoryTree tree, Area area, IReadOnlyList<string> exclusions, CancellationToken cancellationToken, params Period[] needed)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(needed);
        var extract = await store.GetExtractCoverageAsync(cancellationToken).ConfigureAwait(false);

        // An extract is a force's: one that holds no crime in this area does not count it (as zeros) at all.
        if (extract is not null && (await store.CountExtractAsync(area, extract, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            return await StreetAsync(store, tree, area, exclusions, cancellationToken).ConfigureAwait(false)
                ?? throw new CsaQueryException($"The local extract held has no crime in {area.Describe()}, and no data.police.uk street data can count the tree '{tree.Name}' there.");
        }

        var extractCovers = extract is not null && needed.All(p => p.From >= extract.From && p.To <= extract.To);
        if (extract is not null && !extractCovers
            && await StreetAsync(store, tree, area, exclusions, cancellationToken).ConfigureAwait(false) is { Coverage.Span: { } span } covering
            && needed.All(p => p.From >= span.From && p.To <= span.To))
        {
            return covering;
        }

        if (extract is not null && tree.Rows.All(r => r.WorksOnExtract))
        {
            var source = await ExtractSource.DescribeAsync(store, cancellationToken).ConfigureAwait(false);
            return new CategoryCounter(store, tree, Exclusion.Resolve(exclusions, tree, CountSource.Extract), area, CountSource.Extract, source.Coverage(extract))
            {
                IsSynthetic = source.IsSynthetic,
                SourceNote = source.Note,
            };
        }

        return await StreetAsync(store, tree, area, exclusions, cancellationToken).ConfigureAwait(false)
            ?? throw new CsaQueryException(extract is null
                ? $"The tree '{tree.Name}' needs a local police extract (offence codes and markers), and the store holds none: import one with 'csa import extract FILE --mapping MAP.json'" +
                  (tree.Rows.All(r => r.WorksOnPoliceUk) ? $", or data.police.uk street data for {area.Describe()}." : ", or use --tree police-uk with data.police.uk street data.")
                : $"The tree '{tree.Name}' has rows that a local extract cannot count.");
    }

    /// <summary>A counter on data.police.uk street data only (the atlas's map categories), whatever else is held.</summary>
    /// <exception cref="CsaQueryException">The tree cannot be counted on street data, or none is held for the area.</exception>
    public static async Task<CategoryCounter> CreateStreetAsync(ICsaStore store, CategoryTree tree, Area area, IReadOnlyList<string> exclusions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return await StreetAsync(store, tree, area, exclusions, cancellationToken).ConfigureAwait(false)
            ?? throw new CsaQueryException(tree.Rows.All(r => r.WorksOnPoliceUk)
                ? $"No data.police.uk street data is held for {area.Describe()}: import the files of its force (csa import police-uk PATH)."
                : $"The tree '{tree.Name}' needs the force's own extract (offence codes, markers): data.police.uk street data cannot count it.");
    }

    /// <summary>A counter on data.police.uk street data, when every row of the tree can be counted there and the area has some.</summary>
    static async Task<CategoryCounter?> StreetAsync(ICsaStore store, CategoryTree tree, Area area, IReadOnlyList<string> exclusions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (!tree.Rows.All(r => r.WorksOnPoliceUk))
        {
            return null;
        }

        var street = await StreetCoverage.LoadAsync(store, area, cancellationToken).ConfigureAwait(false);
        return !street.HasData
            ? null
            : new CategoryCounter(store, tree, Exclusion.Resolve(exclusions, tree, CountSource.PoliceUk), area, CountSource.PoliceUk, street)
            {
                SourceNote = "Source: data.police.uk street-level data; Open Government Licence v3.0.",
            };
    }

    /// <summary>Whether any extract file held is synthetic: every table made from it says so in its title.</summary>
    public bool IsSynthetic { get; private init; }

    /// <summary>A note naming the data the counts come from, saying so when it is synthetic.</summary>
    public string SourceNote { get; private init; } = string.Empty;

    /// <summary>What the exclusions remove, for notes.</summary>
    public string? ExclusionNote => _exclusion.Describe();

    /// <summary>The held months of <paramref name="period"/>; an error when none is held.</summary>
    /// <exception cref="CsaQueryException">No month of the period is held; the message says which period, why, and what is held.</exception>
    public IReadOnlyList<Month> CheckPeriod(Period period, string which) => Coverage.RequireHeld(period, which);

    /// <summary>Counts every row of the tree over the held months of <paramref name="period"/>, in the tree's order.</summary>
    public async Task<IReadOnlyList<long>> CountRowsAsync(Period period, CancellationToken cancellationToken)
    {
        var byMonth = await CountRowsByMonthAsync(period, cancellationToken).ConfigureAwait(false);
        return [.. _tree.Rows.Select((_, i) => byMonth.Sum(m => m.Value[i]))];
    }

    /// <summary>Counts every row of the tree in each <em>held</em> month of <paramref name="period"/>; a month that is not
    /// held has no entry (never a zero).</summary>
    public async Task<IReadOnlyDictionary<Month, long[]>> CountRowsByMonthAsync(Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var result = Coverage.HeldMonths(period).ToDictionary(m => m, _ => new long[_tree.Rows.Count]);
        if (result.Count == 0)
        {
            return result;
        }

        if (Source == CountSource.Extract)
        {
            var counts = await _store.CountExtractAsync(_area, period, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < _tree.Rows.Count; i++)
            {
                var row = _tree.Rows[i];
                foreach (var count in counts.Where(c => result.ContainsKey(c.Month) && c.Marker == row.Marker && row.Codes.Contains(c.OffenceCode) && !_exclusion.Codes.Contains(c.OffenceCode)))
                {
                    result[count.Month][i] += count.Count;
                }
            }
        }
        else
        {
            var counts = await _store.CountAsync(new CountQuery(_area, period, CountGrouping.Month | CountGrouping.CrimeType), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < _tree.Rows.Count; i++)
            {
                var row = _tree.Rows[i];
                foreach (var count in counts.Where(c => !c.IsAntiSocialBehaviour && result.ContainsKey(c.Month!.Value) && row.PoliceUkTypes.Contains(c.CrimeType!) && !_exclusion.PoliceUkTypes.Contains(c.CrimeType!)))
                {
                    result[count.Month!.Value][i] += count.Count;
                }
            }
        }

        return result;
    }

    /// <summary>Counts of one row by month and victim support (true, false, or not recorded), from the extract.</summary>
    public async Task<IReadOnlyList<ExtractCountRow>> CountRecordingAsync(TreeRow row, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Source != CountSource.Extract)
        {
            throw new CsaQueryException("Recording practice needs a local police extract with victim support: data.police.uk does not publish it.");
        }

        var counts = await _store.CountExtractAsync(_area, period, cancellationToken).ConfigureAwait(false);
        return [.. counts.Where(c => c.Marker == row.Marker && row.Codes.Contains(c.OffenceCode) && !_exclusion.Codes.Contains(c.OffenceCode))];
    }

    /// <summary>The codes or crime types removed from every row.</summary>
    sealed record Exclusion(IReadOnlyList<string> Names, IReadOnlySet<string> Codes, IReadOnlySet<string> PoliceUkTypes)
    {
        public static Exclusion Resolve(IReadOnlyList<string> names, CategoryTree tree, CountSource source)
        {
            var codes = new HashSet<string>(StringComparer.Ordinal);
            var types = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var row = tree.Find(name);
                if (source == CountSource.PoliceUk)
                {
                    var type = PoliceUkCrimeTypes.Crimes.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));
                    if (row is not null)
                    {
                        types.UnionWith(row.PoliceUkTypes);
                    }
                    else
                    {
                        types.Add(type ?? throw Unknown(name, "a row of the tree or a data.police.uk crime type"));
                    }

                    continue;
                }

                var byGroup = OffenceCodes.All.Where(c => string.Equals(c.Group, name, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Subgroup, name, StringComparison.OrdinalIgnoreCase)).Select(c => c.Code).ToArray();
                if (row is not null && row.Marker is null)
                {
                    codes.UnionWith(row.Codes);
                }
                else if (byGroup.Length > 0)
                {
                    codes.UnionWith(byGroup);
                }
                else if (OffenceCodes.TryFind(name, out var offence))
                {
                    codes.Add(offence.Code);
                }
                else
                {
                    throw Unknown(name, "a row of the tree, an ONS offence group or subgroup, or a Home Office offence code");
                }
            }

            return new Exclusion(names, codes, types);
        }

        static CsaQueryException Unknown(string name, string what) => new($"--exclude '{name}' is not {what}.");

        public string? Describe() => Names.Count == 0
            ? null
            : $"Excluded from every row: {string.Join(", ", Names)}" +
              (Codes.Count > 0 ? $" (offence codes {string.Join(", ", Codes.Order(StringComparer.Ordinal))})." : ".");
    }
}

/// <summary>Where counts come from.</summary>
public enum CountSource
{
    /// <summary>A force's record-level extract (offence codes, markers, victim support).</summary>
    Extract,

    /// <summary>data.police.uk street data (crime types only).</summary>
    PoliceUk,
}
