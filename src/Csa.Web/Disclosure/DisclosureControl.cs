using Csa.Core.Geography;
using Csa.Web.Extensions;
using Microsoft.Extensions.Options;

namespace Csa.Web.Disclosure;

/// <summary>Every count a public answer holds passes through here: counts from 1 to the threshold are not shown,
/// and where a set shows its total, a second count is hidden with a lone suppressed one so that the total cannot
/// reveal it (secondary suppression). Restricted markers and victim/offender detail are shown only for districts
/// and larger areas. Restricted mode shows everything.</summary>
public sealed class DisclosureControl(IOptions<AtlasOptions> options)
{
    /// <summary>Whether counts are being suppressed (public mode).</summary>
    public bool Active => options.Value.Public;

    /// <summary>Counts from 1 to this are not shown in public mode.</summary>
    public int Threshold => options.Value.SuppressUpTo;

    /// <summary>The note every public answer with counts carries.</summary>
    public string Note => $"Counts from 1 to {Threshold} are not shown, nor a second count where one would reveal them.";

    /// <summary>Whether a count is small enough to hide.</summary>
    public bool IsSmall(long count) => Active && count >= 1 && count <= Threshold;

    /// <summary>Whether public mode keeps <paramref name="marker"/> (or, when null, victim/offender detail) from an area of this level.</summary>
    public bool Withholds(string? marker, AreaLevel level) =>
        Active && level == AreaLevel.Ward && (marker is null || options.Value.EffectiveRestrictedMarkers.Contains(marker, StringComparer.Ordinal));

    /// <summary>Whether public mode answers extract-based figures (pyramids, markers) for <paramref name="period"/>: only
    /// whole calendar or financial years, so that answers for overlapping periods cannot be subtracted to find a
    /// hidden month. Restricted mode answers any period.</summary>
    public bool AllowsExtractPeriod(Core.Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return !Active || (period.MonthCount == 12 && period.From.MonthOfYear is 1 or 4);
    }

    /// <summary>Why a period is refused for extract-based figures in public mode.</summary>
    public static string ExtractPeriodRule(Core.Period period) =>
        $"The public atlas gives victim and offender profiles and marker counts for whole calendar years (2016) or financial years (FY2016/17) only, so that answers cannot be subtracted from each other: {period} is neither.";

    /// <summary>The counts as they may be shown: null where suppressed.</summary>
    public IReadOnlyList<long?> Apply(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var shown = counts.Select(c => IsSmall(c) ? null : (long?)c).ToArray();
        if (Active && shown.Count(c => c is null) == 1)
        {
            // One hidden cell could be found as total − the rest: hide the smallest other non-zero count too.
            var next = shown.Select((c, i) => (c, i)).Where(x => x.c is > 0).OrderBy(x => x.c).FirstOrDefault();
            if (next.c is not null)
            {
                shown[next.i] = null;
            }
        }

        return shown;
    }
}
