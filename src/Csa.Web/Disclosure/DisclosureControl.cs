using Csa.Web.Extensions;
using Microsoft.Extensions.Options;

namespace Csa.Web.Disclosure;

/// <summary>Every count a public answer holds passes through here: counts from 1 to the threshold are not shown,
/// and where a set shows its total, a second count is hidden with a lone suppressed one so that the total cannot
/// reveal it (secondary suppression). Restricted mode shows every count.</summary>
public sealed class DisclosureControl(IOptions<AtlasOptions> options)
{
    /// <summary>Whether counts are being suppressed (public mode).</summary>
    public bool Active => options.Value.Public;

    /// <summary>The counts as they may be shown: null where suppressed.</summary>
    public IReadOnlyList<long?> Apply(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!Active)
        {
            return [.. counts.Select(c => (long?)c)];
        }

        var limit = options.Value.SuppressUpTo;
        var shown = counts.Select(c => c >= 1 && c <= limit ? null : (long?)c).ToArray();
        if (shown.Count(c => c is null) == 1)
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
