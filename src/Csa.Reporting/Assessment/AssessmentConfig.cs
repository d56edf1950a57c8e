using System.Text.Json;
using System.Text.Json.Serialization;
using Csa.Core;

namespace Csa.Reporting.Assessment;

/// <summary>An assessment's configuration: what to count and compare, for which area and periods, and the
/// analyst's own text. Documented in <c>docs/report-config.md</c>; a worked example is
/// <c>data/examples/report-seed-violence.json</c>.</summary>
public sealed record AssessmentConfig
{
    /// <summary>Every section csa can write, in the seed's order.</summary>
    public static IReadOnlyList<string> KnownSections { get; } =
    [
        "details", "schedule", "contents", "key-findings", "recommendations", "introduction", "trend", "triangulation",
        "financial-years", "total-crime", "long-run", "harm", "asb", "places", "victims-offenders", "recording", "msg", "markers", "exclusions",
        "end-of-year", "priorities", "appendix-a", "data-sources",
    ];

    /// <summary>The document's title.</summary>
    public required string Title { get; init; }

    /// <summary>The partnership the document is for.</summary>
    public required string Partnership { get; init; }

    /// <summary>The area (code or name).</summary>
    public required string Area { get; init; }

    /// <summary>The theme and its category.</summary>
    public required ThemeConfig Theme { get; init; }

    /// <summary>The document details table.</summary>
    public DocumentDetails Document { get; init; } = new();

    /// <summary>The continuous-assessment schedule.</summary>
    public IReadOnlyList<ScheduleEntry> Schedule { get; init; } = [];

    /// <summary>The periods compared and charted.</summary>
    public required PeriodsConfig Periods { get; init; }

    /// <summary>The sections wanted, in order.</summary>
    public required IReadOnlyList<string> Sections { get; init; }

    /// <summary>A partner series to set beside the theme (the triangulation section).</summary>
    public TriangulationConfig? Triangulation { get; init; }

    /// <summary>The most similar group comparison.</summary>
    public MsgConfig? Msg { get; init; }

    /// <summary>Exclusion sensitivity: categories compared with named sub-categories removed.</summary>
    public IReadOnlyList<ExclusionConfig> Exclusions { get; init; } = [];

    /// <summary>The priority matrix: its weights, and the partnership's own choice where it overrides the matrix.</summary>
    public MatrixConfig Matrix { get; init; } = new();

    /// <summary>The partnership's priorities, each with the categories that measure it (the end-of-year review).</summary>
    public IReadOnlyList<PriorityConfig> Priorities { get; init; } = [];

    /// <summary>Section name → the analyst's text placed at the start of that section: a Markdown file (a name ending .md,
    /// relative to the config) or the Markdown itself.</summary>
    public IReadOnlyDictionary<string, string> Narrative { get; init; } = new Dictionary<string, string>();

    /// <summary>Drafted finding id → the analyst's sentence instead (an empty string deletes it).</summary>
    public IReadOnlyDictionary<string, string> Findings { get; init; } = new Dictionary<string, string>();

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and checks a config file; every problem names the key.</summary>
    /// <exception cref="CsaQueryException">No such file, invalid JSON, an unknown key or section, a bad period, or a missing narrative file.</exception>
    public static AssessmentConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CsaQueryException($"No config file {path}.");
        }

        AssessmentConfig config;
        try
        {
            config = JsonSerializer.Deserialize<AssessmentConfig>(File.ReadAllText(path), Json) ?? throw new JsonException("the file is empty");
        }
        catch (JsonException e)
        {
            throw new CsaQueryException($"{path}: not a valid assessment config: {e.Message}", e);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var problems = new List<string>();
        foreach (var section in config.Sections.Where(s => !KnownSections.Contains(s)))
        {
            problems.Add($"sections: '{section}' is not a section csa writes ({string.Join(", ", KnownSections)})");
        }

        foreach (var (key, file) in config.Narrative)
        {
            if (!KnownSections.Contains(key))
            {
                problems.Add($"narrative.{key}: '{key}' is not a section csa writes");
            }
            else if (NarrativeFile.IsFile(file) && !File.Exists(Path.Combine(folder, file)))
            {
                problems.Add($"narrative.{key}: the file {Path.Combine(folder, file)} does not exist");
            }
        }

        CheckPeriod(config.Periods.Earlier, "periods.earlier", problems);
        CheckPeriod(config.Periods.Later, "periods.later", problems);
        CheckPeriod(config.Periods.Trend, "periods.trend", problems);
        foreach (var (exclusion, i) in config.Exclusions.Select((e, i) => (e, i)))
        {
            CheckPeriod(exclusion.Period, $"exclusions[{i}].period", problems);
            CheckPeriod(exclusion.Vs, $"exclusions[{i}].vs", problems);
        }

        if (config.Msg is { } msg && new object?[] { msg.Group, msg.Nearest, msg.Table }.Count(v => v is not null) != 1)
        {
            problems.Add("msg: give one of group (a group file), nearest (a number) or table (an analyst's comparison table)");
        }

        foreach (var weight in config.Matrix.Weights.Keys.Where(k => !Enum.TryParse<Analysis.Priorities.PriorityCriterion>(k, ignoreCase: true, out _)))
        {
            problems.Add($"matrix.weights.{weight}: not a criterion (volume, trend, group, harm)");
        }

        if (config.Sections.Contains("triangulation") && config.Triangulation is null)
        {
            problems.Add("triangulation: the section is asked for, but no series is named");
        }

        if (config.Sections.Contains("msg") && config.Msg is null)
        {
            problems.Add("msg: the section is asked for, but no group is configured");
        }

        return problems.Count == 0
            ? config with { BaseFolder = folder }
            : throw new CsaQueryException($"{path}: {problems.Count} {(problems.Count == 1 ? "problem" : "problems")} in the config:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
    }

    /// <summary>The folder the config was read from: narrative and group files are relative to it.</summary>
    [JsonIgnore]
    public string BaseFolder { get; init; } = ".";

    static void CheckPeriod(string? text, string key, List<string> problems)
    {
        if (text is not null && !Period.TryParse(text, out _, out var error))
        {
            problems.Add($"{key}: {error}");
        }
    }
}

/// <summary>The theme of the document and the category that measures it.</summary>
/// <param name="Name">The theme (Violence).</param>
/// <param name="Category">A row of the tree (All Violence Against The Person).</param>
/// <param name="Tree">The tree (seed, ons, police-uk or a file).</param>
public sealed record ThemeConfig(string Name, string Category, string Tree = "seed");

/// <summary>The document details table.</summary>
public sealed record DocumentDetails
{
    /// <summary>The date the document was made (as written: March 2017).</summary>
    public string? Date { get; init; }

    /// <summary>What the document is for.</summary>
    public string? Description { get; init; }

    /// <summary>The team that produced it (a research or analysis team).</summary>
    public string? Team { get; init; }

    /// <summary>Who wrote it.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Who it was produced for.</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>The geographic coverage.</summary>
    public string? Coverage { get; init; }

    /// <summary>The time period, in words.</summary>
    public string? TimePeriod { get; init; }

    /// <summary>The version.</summary>
    public string? Version { get; init; }
}

/// <summary>One document of the continuous assessment.</summary>
public sealed record ScheduleEntry(int Document, string Theme, string Analysis, string Presentation);

/// <summary>The periods.</summary>
/// <param name="Earlier">The earlier period of the comparison (Appendix A).</param>
/// <param name="Later">The later period.</param>
/// <param name="Trend">The months of the trend charts; all held when null.</param>
/// <param name="FinancialYearFrom">The first financial year of the breakdown (2013 for 2013/14); all whole years when null.</param>
/// <param name="FinancialYearTo">The last financial year of the breakdown.</param>
public sealed record PeriodsConfig(string Earlier, string Later, string? Trend = null, int? FinancialYearFrom = null, int? FinancialYearTo = null);

/// <summary>A partner series set beside the theme.</summary>
/// <param name="Series">The series' name, as imported.</param>
/// <param name="Calendar">Calendar years (financial years when false).</param>
/// <param name="From">The first (base) year.</param>
/// <param name="To">The last year.</param>
public sealed record TriangulationConfig(string Series, bool Calendar = true, int? From = null, int? To = null);

/// <summary>The most similar group comparison.</summary>
/// <param name="Category">The category (a row of the tree).</param>
/// <param name="Period">The period.</param>
/// <param name="Group">A group file (relative to the config), or null.</param>
/// <param name="Nearest">Or: propose a group of this many.</param>
/// <param name="Tree">The tree.</param>
/// <param name="PopulationYear">The population estimate to use, when not the period's own year.</param>
/// <param name="Table">Or: an analyst's comparison table (relative to the config): area, count and population per member.</param>
public sealed record MsgConfig(string Category, string Period, string? Group = null, int? Nearest = null, string Tree = "seed", int? PopulationYear = null, string? Table = null);

/// <summary>An exclusion sensitivity comparison.</summary>
/// <param name="Category">The category compared.</param>
/// <param name="Exclude">What is removed from it.</param>
/// <param name="Period">The earlier period.</param>
/// <param name="Vs">The later period.</param>
public sealed record ExclusionConfig(string Category, IReadOnlyList<string> Exclude, string Period, string Vs);

/// <summary>The priority matrix's settings.</summary>
public sealed record MatrixConfig
{
    /// <summary>Each criterion's weight (volume, trend, group, harm); 1 where not given.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();

    /// <summary>The partnership's own priorities (rows of the theme's tree), where it overrides the matrix; empty to take the
    /// matrix's top five.</summary>
    public IReadOnlyList<string> Chosen { get; init; } = [];

    /// <summary>Why the partnership chose otherwise than the matrix (printed beside the choice).</summary>
    public string? Reason { get; init; }
}

/// <summary>A partnership priority and the categories that measure it.</summary>
/// <param name="Priority">The priority, in the partnership's words.</param>
/// <param name="Categories">Rows of the theme's tree.</param>
public sealed record PriorityConfig(string Priority, IReadOnlyList<string> Categories);
