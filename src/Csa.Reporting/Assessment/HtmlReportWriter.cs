using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Csa.Reporting.Assessment;

/// <summary>Writes an assessment as one self-contained HTML file: inline SVG figures, embedded styles (screen and
/// print), no request to the internet.</summary>
public static class HtmlReportWriter
{
    static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Tables of at most this many rows are kept on one page; longer ones break between rows, their header repeated.</summary>
    const int KeepTogetherRows = 14;

    const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.9rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2rem; margin-top: 2.2rem; }
        .cover { border-bottom: 4px solid #0072B2; padding-bottom: 1rem; margin-bottom: 1.5rem; }
        .synthetic { background: #E69F00; color: #000; padding: .6rem .9rem; font-weight: bold; border-radius: 4px; margin: .8rem 0; }
        table { border-collapse: collapse; margin: .8rem 0 .3rem; font-size: .82rem; width: 100%; }
        th, td { border: 1px solid #bbb; padding: .25rem .45rem; text-align: left; vertical-align: top; }
        th:first-child:not(.n), td:first-child:not(.n) { min-width: 8rem; }
        th { background: #e8f1f8; } th.n { text-align: right; } th.word { white-space: nowrap; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.hash { font-family: "DejaVu Sans Mono", monospace; font-size: .55rem; white-space: nowrap; }
        ol.contents { list-style: none; padding: 0; break-inside: avoid; } ol.contents li { display: flex; gap: .4rem; margin: .15rem 0; }
        ol.contents .leader { flex: 1; border-bottom: 1px dotted #888; margin-bottom: .3rem; } ol.contents .page { min-width: 2rem; text-align: right; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: .3rem; }
        .notes { font-size: .75rem; color: #444; margin: 0 0 1rem; padding-left: 1.1rem; }
        figure { margin: 1rem 0; } figure svg { display: block; width: 100%; height: auto; } figcaption { font-size: .85rem; font-style: italic; }
        .finding { margin: .5rem 0; } .analyst { border-left: 3px solid #009E73; padding-left: .5rem; }
        .narrative { background: #f6f6f6; padding: .4rem .8rem; border-left: 3px solid #999; }
        .draft-mark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: bold; color: rgba(213, 94, 0, .16);
          transform: rotate(-35deg); z-index: 10; pointer-events: none; }
        .draft { border: 2px solid #D55E00; padding: .5rem .8rem; margin: .8rem 0; } .draft ul { margin: .3rem 0; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print { body { max-width: none; margin: 0; font-size: 10pt; } h2, caption { break-after: avoid; }
          thead { display: table-header-group; } tr, figure, table.keep { break-inside: avoid; } .notes { break-before: avoid; }
          a { color: inherit; text-decoration: none; } }
        """;

    /// <summary>The HTML text of the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="pages">For the version printed to PDF: section id → the page it starts on, shown in the contents (a blank of the
    /// same width where not known yet). Null for the HTML document itself, which has no pages.</param>
    public static string Render(AssessmentReport report, IReadOnlyDictionary<string, int>? pages = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var c = report.Config;
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Html.Encode(c.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        if (report.Draft)
        {
            // A fixed element is printed on every page.
            html.Append("<div class=\"draft-mark\" aria-hidden=\"true\">DRAFT</div>\n");
        }

        html.Append("<div class=\"cover\">\n<h1>").Append(Html.Encode(c.Title)).Append("</h1>\n<p>").Append(Html.Encode(c.Partnership));
        if (c.Document.Date is { } date)
        {
            html.Append(" · ").Append(Html.Encode(date));
        }

        html.Append("</p>\n<p>").Append(Html.Encode($"{report.AreaName}. Theme: {c.Theme.Name}.")).Append("</p>\n");
        if (report.Synthetic)
        {
            html.Append("<p class=\"synthetic\" data-synthetic=\"true\">SYNTHETIC DATA: the local police figures in this document come from a synthetic extract made by csa synth extract. They reproduce the published figures of the model document; they are not real crime records.</p>\n");
        }

        if (report.Draft)
        {
            html.Append("<div class=\"draft\" data-draft=\"true\"><strong>DRAFT: not for circulation.</strong>");
            if (report.Placeholders.Count > 0)
            {
                html.Append(" Still to write:<ul>");
                foreach (var placeholder in report.Placeholders)
                {
                    html.Append("<li>").Append(Html.Encode(placeholder)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</div>\n");
        }

        html.Append("</div>\n");
        foreach (var section in report.Sections)
        {
            html.Append("<h2 id=\"").Append(section.Id).Append("\">")
                .Append(Html.Encode(section.Heading)).Append("</h2>\n");
            if (section.NarrativeHtml is { } narrative)
            {
                html.Append("<div class=\"narrative\" data-narrative=\"").Append(section.Id).Append("\">\n").Append(narrative).Append("</div>\n");
            }

            if (section.Id == "contents")
            {
                html.Append(pages is null ? "<ol>\n" : "<ol class=\"contents\">\n");
                foreach (var other in report.Sections.Where(s => s.Id != "contents"))
                {
                    html.Append("<li><a href=\"#").Append(other.Id).Append("\">").Append(Html.Encode(other.Heading)).Append("</a>");
                    if (pages is not null)
                    {
                        html.Append("<span class=\"leader\"></span><span class=\"page\">")
                            .Append(pages.TryGetValue(other.Id, out var page) ? page.ToString(CultureInfo.InvariantCulture) : "&nbsp;").Append("</span>");
                    }

                    html.Append("</li>\n");
                }

                html.Append("</ol>\n");
            }

            foreach (var block in section.Blocks)
            {
                Write(html, block);
            }
        }

        html.Append("<p class=\"notes\">Made by csa from the files listed in the data sources appendix. Contains public sector information licensed under the Open Government Licence v3.0.</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    static void Write(StringBuilder html, ReportBlock block)
    {
        switch (block)
        {
            case ParagraphBlock p:
                html.Append("<p>").Append(Html.Encode(p.Text)).Append("</p>\n");
                break;
            case FindingsBlock f:
                foreach (var finding in f.Findings)
                {
                    html.Append("<p class=\"finding").Append(finding.ReplacedByAnalyst ? " analyst" : string.Empty).Append("\" data-finding=\"").Append(Html.Encode(finding.Id)).Append("\">")
                        .Append(Html.Encode(finding.Sentence)).Append("</p>\n");
                }

                break;
            case ChartBlock chart:
                html.Append("<figure data-figure=\"").Append(chart.Chart.Id).Append("\">\n").Append(AccessibleSvg(chart.Chart)).Append("\n<figcaption>")
                    .Append(Html.Encode(chart.Caption)).Append("</figcaption>\n</figure>\n");
                break;
            case TableBlock { InHtml: true } t:
                WriteTable(html, t);
                break;
            case TableBlock:
                break;
            default:
                throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(block));
        }
    }

    static void WriteTable(StringBuilder html, TableBlock block)
    {
        var table = block.Printed;
        html.Append("<table data-table=\"").Append(block.Id).Append('"').Append(table.Rows.Count <= KeepTogetherRows ? " class=\"keep\"" : string.Empty)
            .Append(">\n<caption>").Append(Html.Encode(table.Title)).Append("</caption>\n<thead><tr>");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            // A numeric column's header is right-aligned; a header of one word (a period: 2015-01..2015-12) never wraps.
            var header = table.Columns[i];
            html.Append("<th class=\"").Append(table.Rows.Any(r => Analysis.ResultTable.IsNumber(r[i])) ? "n" : string.Empty).Append(header.Contains(' ', StringComparison.Ordinal) ? string.Empty : " word")
                .Append("\">").Append(Html.Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                html.Append(Analysis.ResultTable.IsNumber(cell) ? "<td class=\"n\">" : table.Columns[i] == "SHA-256" ? "<td class=\"hash\">" : "<td>").Append(Html.Encode(Analysis.ResultTable.CellText(cell))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (table.Notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">\n");
            foreach (var note in table.Notes)
            {
                html.Append("<li>").Append(Html.Encode(note)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }
    }

    /// <summary>The chart's SVG as an image with its alt text (role img, aria-label and a title element).</summary>
    static string AccessibleSvg(Charts.Chart chart)
    {
        var svg = StripXmlDeclaration(chart.Svg);
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var end = svg.IndexOf('>', open);
        var alt = Html.Encode(chart.AltText);
        return svg[..(open + 4)] + $" role=\"img\" aria-label=\"{alt}\"" + svg[(open + 4)..(end + 1)] + $"<title>{alt}</title>" + svg[(end + 1)..];
    }

    static string StripXmlDeclaration(string svg) =>
        svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
}
