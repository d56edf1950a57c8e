using Csa.Analysis;
using Csa.Reporting.Charts;

namespace Csa.Reporting.Assessment;

/// <summary>A built assessment: its sections in order, and the drafted findings with where each figure came from.</summary>
/// <param name="Config">The config it was built from.</param>
/// <param name="AreaName">The area's description.</param>
/// <param name="Synthetic">Whether any figure comes from synthetic data (the cover says so).</param>
/// <param name="Sections">The sections, in the config's order.</param>
/// <param name="Findings">The drafted key findings, after the analyst's replacements and deletions.</param>
public sealed record AssessmentReport(AssessmentConfig Config, string AreaName, bool Synthetic, IReadOnlyList<ReportSection> Sections, IReadOnlyList<Finding> Findings)
{
    /// <summary>Every table of every section.</summary>
    public IEnumerable<TableBlock> Tables => Sections.SelectMany(s => s.Blocks.OfType<TableBlock>());

    /// <summary>Every chart of every section.</summary>
    public IEnumerable<Chart> Charts => Sections.SelectMany(s => s.Blocks.OfType<ChartBlock>().Select(c => c.Chart));
}

/// <summary>One section of the document.</summary>
/// <param name="Id">The section's name in the config.</param>
/// <param name="Heading">Its heading.</param>
/// <param name="NarrativeHtml">The analyst's text placed at its start (from Markdown), or null.</param>
/// <param name="Blocks">Its content.</param>
public sealed record ReportSection(string Id, string Heading, string? NarrativeHtml, IReadOnlyList<ReportBlock> Blocks);

/// <summary>A piece of a section.</summary>
public abstract record ReportBlock;

/// <summary>A paragraph of csa's own words.</summary>
/// <param name="Text">The text.</param>
public sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>A table.</summary>
/// <param name="Id">A file-name-safe identifier, also the xlsx sheet name.</param>
/// <param name="Table">The table, with its notes.</param>
/// <param name="ShowDetail">Whether its detail columns (significance) are shown.</param>
/// <param name="InHtml">Whether the HTML shows it (long monthly tables go to the xlsx and the sidecar only).</param>
public sealed record TableBlock(string Id, ResultTable Table, bool ShowDetail = true, bool InHtml = true) : ReportBlock;

/// <summary>A figure.</summary>
/// <param name="Chart">The chart.</param>
/// <param name="Caption">The figure's caption.</param>
public sealed record ChartBlock(Chart Chart, string Caption) : ReportBlock;

/// <summary>The drafted key findings' section content.</summary>
/// <param name="Findings">The findings shown.</param>
public sealed record FindingsBlock(IReadOnlyList<Finding> Findings) : ReportBlock;

/// <summary>A drafted sentence and the figures it states, traceable to the query that gave them.</summary>
/// <param name="Id">A stable identifier, by which the config can replace or delete it.</param>
/// <param name="Sentence">The sentence.</param>
/// <param name="Query">The csa command that gives the figures.</param>
/// <param name="Values">The figures the sentence states, by name.</param>
/// <param name="ReplacedByAnalyst">Whether the analyst's text replaced the drafted sentence.</param>
public sealed record Finding(string Id, string Sentence, string Query, IReadOnlyDictionary<string, object?> Values, bool ReplacedByAnalyst = false);
