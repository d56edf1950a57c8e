namespace Csa.Reporting.Assessment;

/// <summary>The analyst's text of a section, as the config gives it: a Markdown file or the Markdown itself.</summary>
public static class NarrativeFile
{
    /// <summary>Whether the config's value names a file (it ends .md) rather than being the text.</summary>
    public static bool IsFile(string value) => value.Trim().EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !value.Contains('\n', StringComparison.Ordinal);

    /// <summary>The section's text, or null when the config gives none.</summary>
    public static string? Text(AssessmentConfig config, string section)
    {
        ArgumentNullException.ThrowIfNull(config);
        return !config.Narrative.TryGetValue(section, out var value)
            ? null
            : IsFile(value) ? File.ReadAllText(Path.Combine(config.BaseFolder, value.Trim())) : value;
    }
}
