using System.Globalization;
using System.Text.RegularExpressions;

namespace Csa.Core.Official;

/// <summary>When a Home Office table was released: the Home Office names its files with the release date as DDMMYY
/// (<c>prc-pfa-mar2013-onwards-tables-191023.ods</c> was released on 19 October 2023).</summary>
public static partial class RecordedCrimeRelease
{
    /// <summary>The release date the file name gives, or null when it gives none.</summary>
    public static DateTimeOffset? FromFileName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = DateSuffix().Match(Path.GetFileName(path));
        return match.Success && DateTime.TryParseExact(match.Groups[1].Value, "ddMMyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;
    }

    [GeneratedRegex(@"-(\d{6})\.[A-Za-z]+$")]
    private static partial Regex DateSuffix();
}
