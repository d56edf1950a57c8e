namespace Csa.Core.Geography;

/// <summary>Matching the names different publishers give the same area ("Devon &amp; Cornwall", "Devon and Cornwall").</summary>
public static class AreaNames
{
    /// <summary>The name as matched: lower case, "&amp;" read as "and", letters and digits only.</summary>
    public static string MatchKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Replace("&", " and ", StringComparison.Ordinal).ToLowerInvariant().Where(char.IsLetterOrDigit));
    }
}
