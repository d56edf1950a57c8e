using Csa.Core;
using Csa.Core.Extract;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Places;

/// <summary>One age band of a pyramid: crimes whose victim (or offender) was female, male, or of unknown sex.</summary>
public sealed record PyramidBand(string Band, long Female, long Male, long UnknownSex);

/// <summary>The victim and offender age–sex profile of an area's extract crimes ("Pyramid of Crime").</summary>
public sealed record AgeSexPyramidSet(Area Area, Period Period, string? Marker, bool IsSynthetic, IReadOnlyList<PyramidBand> Victims, IReadOnlyList<PyramidBand> Offenders, IReadOnlyList<string> Notes);

/// <summary>Builds victim and offender age–sex pyramids from the local police extract.</summary>
public sealed class AgeSexPyramid(ICsaStore store)
{
    /// <summary>The age bands, youngest first: (label, lowest age, highest age).</summary>
    public static IReadOnlyList<(string Label, int From, int To)> Bands { get; } =
    [
        ("0–9", 0, 9), ("10–17", 10, 17), ("18–24", 18, 24), ("25–34", 25, 34), ("35–44", 35, 44),
        ("45–54", 45, 54), ("55–64", 55, 64), ("65–74", 65, 74), ("75+", 75, int.MaxValue),
    ];

    /// <summary>The band of crimes whose person's age was not recorded.</summary>
    public const string UnknownAge = "Age not recorded";

    /// <summary>Builds both pyramids; only crimes carrying <paramref name="marker"/> when one is given.</summary>
    /// <exception cref="CsaQueryException">No extract crimes are held for the period.</exception>
    public async Task<AgeSexPyramidSet> BuildAsync(Area area, Period period, string? marker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(period);
        var source = await ExtractSource.DescribeAsync(store, cancellationToken).ConfigureAwait(false);
        var coverage = source.Coverage(await store.GetExtractCoverageAsync(cancellationToken).ConfigureAwait(false));
        if (coverage.Span is null)
        {
            throw new CsaQueryException($"No police extract is held for {period}: import one with csa import extract.");
        }

        var held = coverage.RequireHeld(period, string.Empty);

        var counts = await store.CountExtractPeopleAsync(area, period, marker, cancellationToken).ConfigureAwait(false);
        var notes = new List<string>
        {
            source.Note,
            "Local police extract: one count per crime, by the recorded victim's and offender's age and sex; an offender is often not identified (age not recorded).",
        };
        notes.AddRange(coverage.NotesFor(period));
        if (held.Count < period.MonthCount)
        {
            notes.Add($"Partial: {held.Count} of the {period.MonthCount} months of {period} are held; the pyramids count those months only.");
        }

        return new AgeSexPyramidSet(area, period, marker, source.IsSynthetic, Profile(counts, PersonRole.Victim), Profile(counts, PersonRole.Offender), notes);
    }

    static PyramidBand[] Profile(IReadOnlyList<ExtractPersonCount> counts, PersonRole role)
    {
        var labels = Bands.Select(b => b.Label).Append(UnknownAge).ToArray();
        return [.. labels.Select(label =>
        {
            var inBand = counts.Where(c => c.Role == role && BandOf(c.Age) == label).ToArray();
            return new PyramidBand(label, inBand.Where(c => c.Sex == Sex.Female).Sum(c => c.Count), inBand.Where(c => c.Sex == Sex.Male).Sum(c => c.Count), inBand.Where(c => c.Sex == Sex.Unknown).Sum(c => c.Count));
        })];
    }

    /// <summary>The label of the band an age falls in.</summary>
    public static string BandOf(int? age) => age is { } a ? Bands.First(b => a >= b.From && a <= b.To).Label : UnknownAge;
}
