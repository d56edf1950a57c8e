using System.Globalization;
using Csa.Core;
using Csa.Core.Geography;

namespace Csa.Ingest.Internal;

/// <summary>Checks shared by data.police.uk's street and outcomes files; each returns null or a reason.</summary>
static class FieldChecks
{
    public static string? CheckMonth(ReadOnlySpan<char> value, Month fileMonth) =>
        !Month.TryParse(value, out var month)
            ? $"Month '{value}' is not a month written as YYYY-MM"
            : month != fileMonth
                ? $"Month is {month} but the file name says {fileMonth}"
                : null;

    /// <summary>Both coordinates empty (no location) or both numbers in range.</summary>
    public static string? CheckCoordinates(ReadOnlySpan<char> longitude, ReadOnlySpan<char> latitude, out double? lon, out double? lat)
    {
        lon = null;
        lat = null;
        if (longitude.IsEmpty && latitude.IsEmpty)
        {
            return null;
        }

        if (longitude.IsEmpty || latitude.IsEmpty)
        {
            return longitude.IsEmpty ? "Latitude is given without a Longitude (give both, or neither for no location)" : "Longitude is given without a Latitude (give both, or neither for no location)";
        }

        if (!double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x is < -180 or > 180)
        {
            return $"Longitude '{longitude}' is not a number from -180 to 180";
        }

        if (!double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || y is < -90 or > 90)
        {
            return $"Latitude '{latitude}' is not a number from -90 to 90";
        }

        lon = x;
        lat = y;
        return null;
    }

    public static string? CheckLsoaCode(ReadOnlySpan<char> value) =>
        value.IsEmpty || LsoaCodes.HasValidShape(value) ? null : $"LSOA code '{value}' is not an LSOA code (E01 or W01 and six digits)";

    public static string? CheckRequired(ReadOnlySpan<char> value, string column) =>
        value.IsEmpty ? $"{column} is empty" : null;
}
