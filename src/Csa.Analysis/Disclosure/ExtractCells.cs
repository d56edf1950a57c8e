using Csa.Analysis.Places;
using Csa.Core;
using Csa.Core.Classification;
using Csa.Core.Extract;
using Csa.Storage;
using Csa.Statistics;

namespace Csa.Analysis.Disclosure;

/// <summary>Every extract figure the public can be given for one financial year, as named cells, with every linear
/// relation among them that the answers expose: an area against the districts it is made of, a marker's count against
/// its victim and its offender pyramid, and the victim pyramid against the offender pyramid (one person of each per crime).</summary>
public sealed class ExtractCells
{
    ExtractCells(IReadOnlyDictionary<string, long> values, IReadOnlyList<DisclosureAudit.Equation> equations)
    {
        Values = values;
        Equations = equations;
    }

    /// <summary>Every cell's true value, by key (see <see cref="MarkerKey"/> and <see cref="PyramidKey"/>).</summary>
    public IReadOnlyDictionary<string, long> Values { get; }

    /// <summary>The relations among cells: each sums to zero.</summary>
    public IReadOnlyList<DisclosureAudit.Equation> Equations { get; }

    /// <summary>The key of an area's count of crimes carrying a marker.</summary>
    public static string MarkerKey(string areaCode, string marker) => $"{areaCode}|marker|{marker}";

    /// <summary>The key of one pyramid cell: an area's crimes (with a marker, or all when null) by the person's role, age band and sex.</summary>
    public static string PyramidKey(string areaCode, string? marker, PersonRole role, string band, Sex sex) =>
        $"{areaCode}|pyramid|{marker ?? "all"}|{role}|{band}|{sex}";

    static readonly Sex[] Sexes = [Sex.Female, Sex.Male, Sex.Unknown];

    static IEnumerable<string> BandLabels => AgeSexPyramid.Bands.Select(b => b.Label).Append(AgeSexPyramid.UnknownAge);

    /// <summary>Reads every cell of <paramref name="year"/> from the store and writes down the relations among them.</summary>
    public static async Task<ExtractCells> ReadAsync(ICsaStore store, Period year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(year);
        var districts = await store.GetExtractDistrictsAsync(cancellationToken).ConfigureAwait(false);
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var district in districts)
        {
            var code = district.District.Code;
            var counts = await store.CountExtractAsync(district.District, year, cancellationToken).ConfigureAwait(false);
            foreach (var marker in Markers.All.Keys)
            {
                values[MarkerKey(code, marker)] = counts.Where(c => c.Marker == marker).Sum(c => c.Count);
            }

            foreach (var marker in Markers.All.Keys.Prepend(null))
            {
                foreach (var key in PyramidKeys(code, marker))
                {
                    values[key] = 0;
                }

                foreach (var person in await store.CountExtractPeopleAsync(district.District, year, marker, cancellationToken).ConfigureAwait(false))
                {
                    values[PyramidKey(code, marker, person.Role, AgeSexPyramid.BandOf(person.Age), person.Sex)] += person.Count;
                }
            }
        }

        var equations = new List<DisclosureAudit.Equation>();
        var cellsOfDistrict = districts.ToDictionary(d => d.District.Code, d => CellNames(d.District.Code).ToArray(), StringComparer.Ordinal);

        // A partnership or force area is the sum of its districts (the others hold no extract crime).
        foreach (var parent in districts.SelectMany(d => d.Parents).Distinct())
        {
            var children = districts.Where(d => d.Parents.Contains(parent)).Select(d => d.District.Code).ToArray();
            foreach (var (suffix, i) in CellSuffixes().Select((s, i) => (s, i)))
            {
                var key = $"{parent.Code}|{suffix}";
                values[key] = children.Sum(c => values[cellsOfDistrict[c][i]]);
                equations.Add(new([(key, 1), .. children.Select(c => (cellsOfDistrict[c][i], -1))]));
            }
        }

        var areas = districts.Select(d => d.District.Code).Concat(districts.SelectMany(d => d.Parents).Select(p => p.Code)).ToHashSet(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            foreach (var marker in Markers.All.Keys)
            {
                // A marker's count is the sum of its victim pyramid, and of its offender pyramid.
                foreach (var role in new[] { PersonRole.Victim, PersonRole.Offender })
                {
                    equations.Add(new([(MarkerKey(area, marker), 1), .. RoleKeys(area, marker, role).Select(k => (k, -1))]));
                }
            }

            foreach (var marker in Markers.All.Keys.Prepend(null))
            {
                // Every crime has one victim cell and one offender cell.
                equations.Add(new([.. RoleKeys(area, marker, PersonRole.Victim).Select(k => (k, 1)), .. RoleKeys(area, marker, PersonRole.Offender).Select(k => (k, -1))]));
            }
        }

        return new ExtractCells(values, equations);
    }

    static IEnumerable<string> PyramidKeys(string area, string? marker) =>
        new[] { PersonRole.Victim, PersonRole.Offender }.SelectMany(role => RoleKeys(area, marker, role));

    static IEnumerable<string> RoleKeys(string area, string? marker, PersonRole role) =>
        BandLabels.SelectMany(band => Sexes.Select(sex => PyramidKey(area, marker, role, band, sex)));

    static IEnumerable<string> CellNames(string area) => CellSuffixes().Select(s => $"{area}|{s}");

    /// <summary>The part of every cell key after the area's code, in one fixed order.</summary>
    static IEnumerable<string> CellSuffixes()
    {
        const string area = "";
        return Markers.All.Keys.Select(m => MarkerKey(area, m)).Concat(Markers.All.Keys.Prepend(null).SelectMany(m => PyramidKeys(area, m))).Select(k => k[1..]);
    }
}
