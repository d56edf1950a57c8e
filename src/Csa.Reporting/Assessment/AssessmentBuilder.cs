using System.Globalization;
using Csa.Analysis;
using Csa.Analysis.Comparison;
using Csa.Core;
using Csa.Core.Geography;
using Markdig;

namespace Csa.Reporting.Assessment;

/// <summary>Builds an assessment from its config and csa's analyses of a store: every figure counted, charted and compared by
/// an analysis (the builder never reads the store itself), and the key findings drafted from them.</summary>
/// <remarks>Nothing is written here: a problem anywhere (an unknown category, a period outside the data) is a
/// <see cref="CsaQueryException"/> naming the config key, before any file exists.</remarks>
/// <param name="analyses">The analyses of the store the document is of.</param>
/// <param name="disclosure">Who the document is for: restricted (the partnership's own document, exact) unless a public
/// disclosure service is given, when the document holds only what public answers may (see docs/DISCLOSURE.md).</param>
/// <param name="draft">Build a draft: the analyst's slots may still be empty or hold the template's example text, and every
/// page says DRAFT. Otherwise such a slot is an error that names it (see <see cref="Placeholders"/>).</param>
public sealed partial class AssessmentBuilder(Analyses analyses, Analysis.Disclosure.DisclosureService? disclosure = null, bool draft = false)
{
    /// <summary>Whether the document is the public version.</summary>
    bool IsPublic => disclosure?.Active ?? false;

    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Builds the report, reporting each stage by name.</summary>
    /// <exception cref="CsaQueryException">A config key names something the data cannot give; the message names the key.</exception>
    public async Task<AssessmentReport> BuildAsync(AssessmentConfig config, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var placeholders = Placeholders.Find(config);
        if (placeholders.Count > 0 && !draft)
        {
            throw new CsaQueryException(
                $"The document is not finished: {placeholders.Count} of the analyst's slots {(placeholders.Count == 1 ? "is" : "are")} empty or hold example text:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", placeholders)}{Environment.NewLine}Write them in the config, or build a draft with --draft (every page then says DRAFT).");
        }

        var area = await Keyed("area", () => analyses.Areas.ResolveAsync(config.Area, cancellationToken)).ConfigureAwait(false);
        var tree = LoadTree(config, config.Theme.Tree, "theme.tree");
        if (tree.Find(config.Theme.Category) is null)
        {
            throw new CsaQueryException($"theme.category: '{config.Theme.Category}' is not a row of the {tree.Name} tree.");
        }

        var (earlier, later) = (Period.Parse(config.Periods.Earlier), Period.Parse(config.Periods.Later));
        progress?.Report("comparing the periods");
        var comparison = IsPublic
            ? await PublicComparisonAsync(area, earlier, later, tree, cancellationToken).ConfigureAwait(false)
            : await Keyed("periods", () => analyses.Comparison.CompareAsync(area, earlier, later, tree, [], false, cancellationToken)).ConfigureAwait(false);
        var context = new BuildContext(config, area, tree, earlier, later, comparison);
        RecordConfigSources(context, comparison);
        var sections = new List<ReportSection>();
        foreach (var id in config.Sections)
        {
            progress?.Report(id);
            var blocks = await SectionAsync(id, context, cancellationToken).ConfigureAwait(false);
            // A section the public version leaves out loses the analyst's commentary too: it may quote the figures left out.
            var leftOut = IsPublic && blocks is [ParagraphBlock { Text: var only }] && only.StartsWith("Left out of the public version", StringComparison.Ordinal);
            sections.Add(new ReportSection(id, Heading(id, config), leftOut ? null : Narrative(config, id), blocks));
        }

        var findings = context.Findings.Select(f => Override(f, config)).Where(f => f.Sentence.Length > 0).ToList();
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Id == "key-findings")
            {
                sections[i] = sections[i] with { Blocks = [new FindingsBlock(findings)] };
            }
        }

        if (IsPublic && sections.Count > 0)
        {
            sections[0] = sections[0] with { Blocks = [new ParagraphBlock(PublicVersionNote), .. sections[0].Blocks] };
        }

        var synthetic = comparison?.IsSynthetic ?? false;
        return new AssessmentReport(config, area.Describe(), synthetic, sections, findings) { Draft = draft, Placeholders = placeholders };
    }

    /// <summary>What the public version says at its start.</summary>
    const string PublicVersionNote =
        "Public version. " + Analysis.Disclosure.DisclosureService.StreetNote +
        " Sections whose figures come from the force's own extract or from partner data are left out of this version, each with the reason.";

    /// <summary>The public version's comparison: data.police.uk street data only, or none (its sections then say why).</summary>
    async Task<ComparisonResult?> PublicComparisonAsync(Area area, Period earlier, Period later, Analysis.Trees.CategoryTree tree, CancellationToken cancellationToken)
    {
        try
        {
            return await analyses.Comparison.CompareAsync(area, earlier, later, tree, [], streetOnly: true, cancellationToken).ConfigureAwait(false);
        }
        catch (CsaQueryException)
        {
            return null;
        }
    }

    static Finding Override(Finding finding, AssessmentConfig config) =>
        config.Findings.TryGetValue(finding.Id, out var text) ? finding with { Sentence = text, ReplacedByAnalyst = true } : finding;

    static string? Narrative(AssessmentConfig config, string section) =>
        NarrativeFile.Text(config, section) is { } text && text.Trim().Length > 0 ? Markdig.Markdown.ToHtml(text, Markdown) : null;

    static string ResolvePath(AssessmentConfig config, string treeOrFile) =>
        Analysis.Trees.CategoryTrees.BuiltIn.Contains(treeOrFile, StringComparer.Ordinal) ? treeOrFile : Path.Combine(config.BaseFolder, treeOrFile);

    static string Heading(string id, AssessmentConfig config) => id switch
    {
        "details" => "Document details",
        "schedule" => "Document schedule",
        "contents" => "Contents",
        "key-findings" => "Key findings",
        "recommendations" => "Recommendations",
        "introduction" => $"Introduction to {config.Theme.Name.ToLowerInvariant()}",
        "trend" => $"Overview of trends in {config.Theme.Name.ToLowerInvariant()}",
        "triangulation" => "Police recorded crime and partner data",
        "financial-years" => $"{config.Theme.Name} by financial year",
        "total-crime" => "Total crime",
        "msg" => "Most similar group comparison",
        "markers" => "Crime markers",
        "exclusions" => "Exclusion sensitivity",
        "end-of-year" => "End of year review",
        "priorities" => "Priorities: the priority matrix",
        "long-run" => "Long-run rates",
        "harm" => "Harm: the Crime Severity Score",
        "asb" => "Anti-social behaviour",
        "places" => "Places: wards and hot spots",
        "victims-offenders" => "Victims and offenders",
        "recording" => "Recording practice",
        "appendix-a" => "Appendix A: period comparison",
        "data-sources" => "Appendix B: data sources",
        _ => id,
    };

    /// <summary>Runs a step; a <see cref="CsaQueryException"/> from it is re-thrown with the config key in front.</summary>
    static async Task<T> Keyed<T>(string key, Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (CsaQueryException e)
        {
            throw new CsaQueryException($"{key}: {e.Message}", e);
        }
    }

    static T Keyed<T>(string key, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (CsaQueryException e)
        {
            throw new CsaQueryException($"{key}: {e.Message}", e);
        }
    }

    /// <summary>A period as prose: 2016, 2015/16, or its months.</summary>
    internal static string Label(Period period)
    {
        if (period.From.MonthOfYear == 1 && period.To.MonthOfYear == 12 && period.From.Year == period.To.Year)
        {
            return period.From.Year.ToString(CultureInfo.InvariantCulture);
        }

        return period.From.MonthOfYear == 4 && period.To.MonthOfYear == 3 && period.To.Year == period.From.Year + 1
            ? new FinancialYear(period.From.Year).ToString()
            : period.ToString();
    }

    /// <summary>What the sections share while the report is built.</summary>
    sealed class BuildContext(AssessmentConfig config, Area area, Analysis.Trees.CategoryTree tree, Period earlier, Period later, ComparisonResult? comparison)
    {
        public AssessmentConfig Config { get; } = config;

        public Area Area { get; } = area;

        public Analysis.Trees.CategoryTree Tree { get; } = tree;

        public Period Earlier { get; } = earlier;

        public Period Later { get; } = later;

        /// <summary>The theme tree's comparison: every table and finding about the two periods is made from its rows (null only in a
        /// public version whose comparison would need the force's extract).</summary>
        public ComparisonResult? Comparison { get; } = comparison;

        public ResultTable? ComparisonTable { get; } = comparison?.ToTable();

        public List<Finding> Findings { get; } = [];

        /// <summary>What the figures were made from: the data sources appendix lists these.</summary>
        public UsedSources Sources { get; } = new();

        public int Figures { get; set; }
    }
}
