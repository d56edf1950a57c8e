using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Csa.Reporting.Assessment;

/// <summary>The analyst's slots of a config that are not written yet. A slot is the document's authors and team, and the
/// text of every section that carries the analyst's words (introduction, recommendations and each analysis section's
/// commentary); it is a placeholder when the config leaves it empty or fills it with the example text shipped in
/// <c>data/examples/report-template.json</c> (built into csa).</summary>
public static partial class Placeholders
{
    /// <summary>Sections with no commentary slot: the document's furniture and csa's own drafted findings.</summary>
    static readonly HashSet<string> NoCommentary = new(StringComparer.Ordinal) { "details", "schedule", "contents", "key-findings", "data-sources" };

    static readonly Lazy<HashSet<string>> ExampleTexts = new(LoadExampleTexts);

    /// <summary>Each placeholder, as the config's key and why ("narrative.trend: empty").</summary>
    public static IReadOnlyList<string> Find(AssessmentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var found = new List<string>();
        var d = config.Document;
        if (string.IsNullOrWhiteSpace(d.Authors.Count == 0 ? null : string.Join("; ", d.Authors)))
        {
            found.Add("document.authors: empty");
        }

        foreach (var (author, i) in d.Authors.Select((a, i) => (a, i)))
        {
            Example($"document.authors[{i}]", author, found);
        }

        Check("document.team", d.Team, found);
        foreach (var (key, text) in new[] { ("document.date", d.Date), ("document.description", d.Description), ("document.timePeriod", d.TimePeriod), ("document.version", d.Version) })
        {
            Example(key, text, found);
        }

        foreach (var section in config.Sections.Where(s => !NoCommentary.Contains(s)))
        {
            Check($"narrative.{section}", NarrativeFile.Text(config, section), found);
        }

        return found;
    }

    /// <summary>A slot that must be written: empty, or holding example text, is a placeholder.</summary>
    static void Check(string key, string? text, List<string> found)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            found.Add($"{key}: empty");
        }
        else
        {
            Example(key, text, found);
        }
    }

    /// <summary>A slot that may be left out, but not left holding the template's example text.</summary>
    static void Example(string key, string? text, List<string> found)
    {
        if (text is not null && IsExample(text))
        {
            found.Add($"{key}: example text ('{Shorten(text)}')");
        }
    }

    /// <summary>Whether the text is (or holds) one of the template's example texts.</summary>
    static bool IsExample(string text)
    {
        var normal = Normalise(text);
        return ExampleTexts.Value.Any(example => normal.Contains(example, StringComparison.Ordinal));
    }

    static string Shorten(string text)
    {
        var one = Space().Replace(text, " ").Trim();
        return one.Length <= 60 ? one : one[..57] + "…";
    }

    /// <summary>Text compared without Markdown emphasis, case or runs of white space.</summary>
    static string Normalise(string text) => Space().Replace(text.Replace("*", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal), " ").Trim().ToLowerInvariant();

    static HashSet<string> LoadExampleTexts()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Csa.Reporting.Assessment.report-template.json")
            ?? throw new InvalidOperationException("The report template is not built into csa.");
        using var template = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var document = template.RootElement.GetProperty("document");
        foreach (var name in new[] { "date", "description", "team", "timePeriod", "version" })
        {
            texts.Add(Normalise(document.GetProperty(name).GetString()!));
        }

        foreach (var author in document.GetProperty("authors").EnumerateArray())
        {
            texts.Add(Normalise(author.GetString()!));
        }

        foreach (var narrative in template.RootElement.GetProperty("narrative").EnumerateObject())
        {
            texts.Add(Normalise(narrative.Value.GetString()!));
        }

        return texts;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
