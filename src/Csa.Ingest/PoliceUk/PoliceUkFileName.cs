using System.Text.RegularExpressions;
using Csa.Core;
using Csa.Core.PoliceUk;

namespace Csa.Ingest.PoliceUk;

/// <summary>What a data.police.uk file name says: <c>YYYY-MM-&lt;force&gt;-street.csv</c>, <c>-outcomes.csv</c> or <c>-stop-and-search.csv</c>.</summary>
/// <param name="Month">The month the file covers.</param>
/// <param name="ForceSlug">The force's slug (<c>cambridgeshire</c>).</param>
/// <param name="Kind">The kind of file.</param>
public sealed partial record PoliceUkFileName(Month Month, string ForceSlug, PoliceUkFileKind Kind)
{
    /// <summary>Reads a file name (without folders); false when it is not a data.police.uk file name.</summary>
    public static bool TryParse(string fileName, out PoliceUkFileName? parsed)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        parsed = null;
        var match = Pattern().Match(fileName);
        if (!match.Success || !Month.TryParse(match.Groups["month"].ValueSpan, out var month))
        {
            return false;
        }

        var kind = match.Groups["kind"].Value switch
        {
            "street" => PoliceUkFileKind.Street,
            "outcomes" => PoliceUkFileKind.Outcomes,
            _ => PoliceUkFileKind.StopAndSearch,
        };
        parsed = new PoliceUkFileName(month, match.Groups["force"].Value, kind);
        return true;
    }

    [GeneratedRegex(@"^(?<month>\d{4}-\d{2})-(?<force>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?<kind>street|outcomes|stop-and-search)\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
