using Csa.Analysis.Places;
using Csa.Core.Classification;
using Csa.Web.Disclosure;
using Csa.Web.Extensions;
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

    /// <summary>A marker's count (null: suppressed, or withheld below district level in public mode).</summary>
    public sealed record MarkerDto(string Marker, string Label, long? Crimes, bool Withheld);

    /// <summary>Crimes carrying each marker in an area and period.</summary>
    public sealed record MarkersDto(string Area, string Period, bool Synthetic, bool Suppressed, IReadOnlyList<MarkerDto> Markers, IReadOnlyList<string> Notes);

    /// <summary>Maps the endpoints into the /api group's rules (login unless public).</summary>
    public static void MapExtractEndpoints(this IEndpointRouteBuilder app)
    {
        var api = ApiParameters.Group(app);

        api.MapGet("/pyramid", async Task<Results<Ok<PyramidDto>, ValidationProblem>> (string? area, string? period, string? marker, StoreAccess stores, DisclosureControl disclosure, CancellationToken cancellationToken) =>
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

            if (disclosure.Withholds(null, resolved.Level))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["area"] = [$"The public atlas shows victim and offender profiles for districts and larger areas only: {resolved.Describe()} is a ward."],
                });
            }

            if (!disclosure.AllowsExtractPeriod(parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [DisclosureControl.ExtractPeriodRule(parsed)] });
            }

            var pyramid = await new AgeSexPyramid(store).BuildAsync(resolved, parsed, marker, cancellationToken);
            var notes = pyramid.Notes.ToList();
            if (disclosure.Active)
            {
                notes.Add(disclosure.Note + " Each pyramid is suppressed as one table.");
            }

            return TypedResults.Ok(new PyramidDto(resolved.Describe(), parsed.ToString(), marker, pyramid.IsSynthetic, disclosure.Active, Shown(pyramid.Victims, disclosure), Shown(pyramid.Offenders, disclosure), notes));
        }).WithName("AgeSexPyramid").WithSummary("Victim and offender age–sex pyramids of an area's extract crimes (only those with a marker, when given).");

        api.MapGet("/markers", async Task<Results<Ok<MarkersDto>, ValidationProblem>> (string? area, string? period, StoreAccess stores, DisclosureControl disclosure, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            await using var store = await stores.OpenAsync(cancellationToken);
            if (await ApiParameters.ReadAsync(store, area, period, null, errors, cancellationToken) is not var (resolved, parsed, _))
            {
                return TypedResults.ValidationProblem(errors);
            }

            if (!disclosure.AllowsExtractPeriod(parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [DisclosureControl.ExtractPeriodRule(parsed)] });
            }

            var coverage = await Analysis.ExtractSource.CoverageAsync(store, cancellationToken);
            if (coverage.Span is not { } held)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = ["No police extract is held: import one with csa import extract."] });
            }

            // One coverage model: a period with no month in the extract is not held (never zeros); a partial one says so.
            var monthsHeld = coverage.RequireHeld(parsed, string.Empty);

            var counts = await store.CountExtractAsync(resolved, parsed, cancellationToken);
            var keys = Markers.All.Keys.ToArray();
            var withheld = keys.Select(k => disclosure.Withholds(k, resolved.Level)).ToArray();
            var shown = disclosure.Apply([.. keys.Select(k => counts.Where(c => c.Marker == k).Sum(c => c.Count))]);
            var source = await Analysis.ExtractSource.DescribeAsync(store, cancellationToken);
            var notes = new List<string> { source.Note, $"Local police extract (held for {held}): crimes carrying each marker; a crime may carry several." };
            notes.AddRange(coverage.NotesFor(parsed));
            if (monthsHeld.Count < parsed.MonthCount)
            {
                notes.Add($"Partial: {monthsHeld.Count} of the {parsed.MonthCount} months of {parsed} are held; the counts are over those months only.");
            }

            if (disclosure.Active)
            {
                notes.Add(disclosure.Note);
                notes.Add($"Crimes with the markers {string.Join(", ", keys.Where((_, i) => withheld[i]).Select(k => Markers.All[k]))} are shown for districts and larger areas only.");
            }

            return TypedResults.Ok(new MarkersDto(
                resolved.Describe(), parsed.ToString(), source.IsSynthetic, disclosure.Active,
                [.. keys.Select((k, i) => new MarkerDto(k, Markers.All[k], withheld[i] ? null : shown[i], withheld[i]))],
                notes));
        }).WithName("MarkerCounts").WithSummary("Crimes carrying each marker (domestic abuse, hate crime, …) in an area and period, from the extract.");
    }

    static BandDto[] Shown(IReadOnlyList<PyramidBand> bands, DisclosureControl disclosure)
    {
        var shown = disclosure.Apply([.. bands.SelectMany(b => new[] { b.Female, b.Male, b.UnknownSex })]);
        return [.. bands.Select((b, i) => new BandDto(b.Band, shown[3 * i], shown[(3 * i) + 1], shown[(3 * i) + 2]))];
    }
}
