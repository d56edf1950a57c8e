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
    /// <summary>Whether the document is a draft (built with --draft): every page says so.</summary>
    public bool Draft { get; init; }

    /// <summary>The analyst's slots still empty or holding example text (a draft may have some; a finished document none).</summary>
    public IReadOnlyList<string> Placeholders { get; init; } = [];

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
public sealed record TableBlock(string Id, ResultTable Table, bool ShowDetail = true, bool InHtml = true) : ReportBlock
{
    /// <summary>Columns the documents leave to the workbook and the sidecar, so that the table fits a page (a comparison's rate
    /// ratios and their intervals).</summary>
    public IReadOnlyList<string> WorkbookOnly { get; init; } = [];

    /// <summary>The table as the documents (HTML, PDF, Word) print it: with a note naming what the workbook adds.</summary>
    public ResultTable Printed
    {
        get
        {
            var table = ShowDetail ? Table : Table.WithoutDetail();
            var left = WorkbookOnly.Where(table.Columns.Contains).ToArray();
            return left.Length == 0 ? table : table.Without(left) with { Notes = [.. table.Notes, $"Also in the tables workbook (sheet {Id}): {string.Join(", ", left)}."] };
        }
    }
}

/// <summary>A figure.</summary>
/// <param name="Chart">The chart.</param>
/// <param name="Caption">The figure's caption.</param>
public sealed record ChartBlock(Chart Chart, string Caption) : ReportBlock;

/// <summary>The drafted key findings' section content.</summary>
/// <param name="Findings">The findings shown.</param>
public sealed record FindingsBlock(IReadOnlyList<Finding> Findings) : ReportBlock;

/// <summary>A drafted sentence and the figures it states, each traceable to the command that prints it.</summary>
/// <param name="Id">A stable identifier, by which the config can replace or delete it.</param>
/// <param name="Sentence">The sentence.</param>
/// <param name="Command">The csa command (a shell line, run from the config's folder on the same store) whose output holds the figures.</param>
/// <param name="Figures">The figures the sentence states, and where the command prints each.</param>
/// <param name="ReplacedByAnalyst">Whether the analyst's text replaced the drafted sentence.</param>
public sealed record Finding(string Id, string Sentence, string Command, IReadOnlyList<FindingFigure> Figures, bool ReplacedByAnalyst = false)
{
    /// <summary>The figures by name.</summary>
    public IReadOnlyDictionary<string, object?> Values => Figures.ToDictionary(f => f.Name, f => f.Value);
}

/// <summary>One figure of a finding, and where its command prints it: a cell of the command's table (the row whose
/// <paramref name="KeyColumn"/> holds <paramref name="Row"/>, in <paramref name="Column"/>), or, with no column, a note
/// the command prints word for word.</summary>
/// <param name="Name">The figure's name (earlier, later, apparentChange…).</param>
/// <param name="Value">The figure.</param>
/// <param name="KeyColumn">The column that names the row, or null for a note.</param>
/// <param name="Row">The row's name in that column.</param>
/// <param name="Column">The column holding the figure, or null for a note.</param>
public sealed record FindingFigure(string Name, object? Value, string? KeyColumn = null, string? Row = null, string? Column = null)
{
    /// <summary>A cell of the command's table.</summary>
    public static FindingFigure Cell(string name, ResultTable table, int row, int column, int keyColumn = 0)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(name, table.Rows[row][column], table.Columns[keyColumn], Convert.ToString(table.Rows[row][keyColumn], System.Globalization.CultureInfo.InvariantCulture), table.Columns[column]);
    }

    /// <summary>A note the command prints.</summary>
    public static FindingFigure Note(string name, string text) => new(name, text);
}
