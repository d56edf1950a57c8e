namespace Csa.Core.Official;

/// <summary>Bodies the Home Office tables name differently between releases, under one current name, so that a body's
/// rows from an older release and a newer one are one series.</summary>
public static class OfficialBodies
{
    static readonly Dictionary<string, string> Renamed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Financial Fraud Action UK"] = "UK Finance",
        ["Cifas"] = "CIFAS",
        ["Devon & Cornwall"] = "Devon and Cornwall",
    };

    /// <summary>The current name of a body as a table names it (trimmed; unchanged when it was never renamed).</summary>
    public static string Current(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return Renamed.TryGetValue(trimmed, out var current) ? current : trimmed;
    }
}
