using Csa.Analysis.Disclosure;
using Csa.Analysis.Places;
using Csa.Core.Classification;
using Csa.Core.Extract;
using Csa.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Csa.Web.Endpoints;

/// <summary>/api/pyramid (victim and offender age–sex profile) and /api/markers (crimes carrying each marker), from the
/// local police extract. Public mode shows restricted markers and victim/offender detail only for districts and larger areas.</summary>
public static class ExtractEndpoints
{
    /// <summary>One age band: crimes by the person's sex (null: suppressed in public mode).</summary>
    public sealed record BandDto(string Band, long? Female, long? Male, long? UnknownSex);

    /// <summary>The victim and offender pyramids of an area.</summary>
    public sealed record PyramidDto(string Area, string Period, string? Marker, bool Synthetic, bool Suppressed, IReadOnlyList<BandDto> Victims, IReadOnlyList<BandDto> Offenders, IReadOnlyList<string> Notes);

    /// <summary>A marker's count (null: suppressed in public mode).</summary>
    public sealed record MarkerDto(string Marker, string Label, long? Crimes);

    /// <summary>Crimes carrying each marker in an area and period.</summary>
    public sealed record MarkersDto(string Area, string Period, bool Synthetic, bool Suppressed, IReadOnlyList<MarkerDto> Markers, IReadOnlyList<string> Notes);

    /// <summary>Maps the endpoints into the /api group's rules (login unless public).</summary>
    public static void MapExtractEndpoints(this IEndpointRouteBuilder app)
    {
        var api = ApiParameters.Group(app);

        api.MapGet("/pyramid", async Task<Results<Ok<PyramidDto>, ValidationProblem>> (string? area, string? period, string? marker, IStoreReaders stores, DisclosureService disclosure, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (marker is not null && !Markers.IsKnown(marker))
            {
                errors["marker"] = [$"'{marker}' is not a marker: give one of {string.Join(", ", Markers.All.Keys)}."];
            }

            await using var store = await stores.OpenAsync(cancellationToken);
            if (await ApiParameters.ReadAsync(store, area, period, null, errors, cancellationToken) is not var (resolved, parsed, _))
            {
                return TypedResults.ValidationProblem(errors);
            }

            if (disclosure.RefuseExtractQuestion(resolved, parsed, await store.GetExtractCoverageAsync(cancellationToken)) is { } rule)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [rule] });
            }

            var pyramid = await new AgeSexPyramid(store).BuildAsync(resolved, parsed, marker, cancellationToken);
            var notes = pyramid.Notes.ToList();
            if (!disclosure.Active)
            {
                return TypedResults.Ok(new PyramidDto(resolved.Describe(), parsed.ToString(), marker, pyramid.IsSynthetic, false, Bands(pyramid.Victims), Bands(pyramid.Offenders), notes));
            }

            var release = await disclosure.ReleaseAsync(store, parsed, cancellationToken);
            notes.Add(disclosure.ExtractNote);
            return TypedResults.Ok(new PyramidDto(
                resolved.Describe(), parsed.ToString(), marker, pyramid.IsSynthetic, true,
                Released(pyramid.Victims, resolved.Code, marker, PersonRole.Victim, release), Released(pyramid.Offenders, resolved.Code, marker, PersonRole.Offender, release), notes));
        }).WithName("AgeSexPyramid").WithSummary("Victim and offender age–sex pyramids of an area's extract crimes (only those with a marker, when given). Public mode: whole financial years inside the extract, districts and larger areas, protected counts not shown.");

        api.MapGet("/markers", async Task<Results<Ok<MarkersDto>, ValidationProblem>> (string? area, string? period, IStoreReaders stores, DisclosureService disclosure, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            await using var store = await stores.OpenAsync(cancellationToken);
            if (await ApiParameters.ReadAsync(store, area, period, null, errors, cancellationToken) is not var (resolved, parsed, _))
            {
                return TypedResults.ValidationProblem(errors);
            }

            var source = await Analysis.ExtractSource.DescribeAsync(store, cancellationToken);
            var coverage = source.Coverage(await store.GetExtractCoverageAsync(cancellationToken));
            if (coverage.Span is not { } held)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = ["No police extract is held: import one with csa import extract."] });
            }

            if (disclosure.RefuseExtractQuestion(resolved, parsed, held) is { } rule)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [rule] });
            }

            // One coverage model: a period with no month in the extract is not held (never zeros); a partial one says so.
            var monthsHeld = coverage.RequireHeld(parsed, string.Empty);
            var counts = await store.CountExtractAsync(resolved, parsed, cancellationToken);
            var keys = Markers.All.Keys.ToArray();
            var totals = keys.Select(k => counts.Where(c => c.Marker == k).Sum(c => c.Count)).ToArray();
            var release = disclosure.Active ? await disclosure.ReleaseAsync(store, parsed, cancellationToken) : null;
            var notes = new List<string> { source.Note, $"Local police extract (held for {held}): crimes carrying each marker; a crime may carry several." };
            notes.AddRange(coverage.NotesFor(parsed));
            if (monthsHeld.Count < parsed.MonthCount)
            {
                notes.Add($"Partial: {monthsHeld.Count} of the {parsed.MonthCount} months of {parsed} are held; the counts are over those months only.");
            }

            if (release is not null)
            {
                notes.Add(disclosure.ExtractNote);
            }

            return TypedResults.Ok(new MarkersDto(
                resolved.Describe(), parsed.ToString(), source.IsSynthetic, release is not null,
                [.. keys.Select((k, i) => new MarkerDto(k, Markers.All[k], release is null ? totals[i] : Shown(release, ExtractCells.MarkerKey(resolved.Code, k), totals[i])))],
                notes));
        }).WithName("MarkerCounts").WithSummary("Crimes carrying each marker (domestic abuse, hate crime, …) in an area and period, from the extract. Public mode: whole financial years inside the extract, districts and larger areas, protected counts not shown.");
    }

    static BandDto[] Bands(IReadOnlyList<PyramidBand> bands) => [.. bands.Select(b => new BandDto(b.Band, b.Female, b.Male, b.UnknownSex))];

    /// <summary>The bands as the year's release shows them.</summary>
    static BandDto[] Released(IReadOnlyList<PyramidBand> bands, string area, string? marker, PersonRole role, ExtractRelease release) =>
        [.. bands.Select(b => new BandDto(
            b.Band,
            Shown(release, ExtractCells.PyramidKey(area, marker, role, b.Band, Sex.Female), b.Female),
            Shown(release, ExtractCells.PyramidKey(area, marker, role, b.Band, Sex.Male), b.Male),
            Shown(release, ExtractCells.PyramidKey(area, marker, role, b.Band, Sex.Unknown), b.UnknownSex)))];

    /// <summary>A cell as the release shows it; an area outside the release has no extract crime, so its cells are zeros.</summary>
    static long? Shown(ExtractRelease release, string key, long value) =>
        release.TryGet(key, out var shown) ? shown : value == 0 ? 0 : throw new InvalidOperationException($"The year's release lacks {key}, which holds crimes.");
}
