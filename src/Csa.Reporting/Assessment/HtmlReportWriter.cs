using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Csa.Reporting.Assessment;

/// <summary>Writes an assessment as one self-contained HTML file: inline SVG figures, embedded styles (screen and
/// print), no request to the internet.</summary>
public static class HtmlReportWriter
{
    static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Sections that start a new page in print: the parts of the document, as the seed lays them out.</summary>
    static readonly HashSet<string> NewPage = new(StringComparer.Ordinal) { "contents", "key-findings", "introduction", "end-of-year", "appendix-a", "data-sources" };

    const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.9rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2rem; margin-top: 2.2rem; }
        .cover { border-bottom: 4px solid #0072B2; padding-bottom: 1rem; margin-bottom: 1.5rem; }
        .synthetic { background: #E69F00; color: #000; padding: .6rem .9rem; font-weight: bold; border-radius: 4px; margin: .8rem 0; }
        table { border-collapse: collapse; margin: .8rem 0 .3rem; font-size: .82rem; width: 100%; }
        th, td { border: 1px solid #bbb; padding: .25rem .45rem; text-align: left; vertical-align: top; }
        th { background: #e8f1f8; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: .3rem; }
        .notes { font-size: .75rem; color: #444; margin: 0 0 1rem; padding-left: 1.1rem; }
        figure { margin: 1rem 0; } figure svg { width: 100%; height: auto; } figcaption { font-size: .85rem; font-style: italic; }
        .finding { margin: .5rem 0; } .analyst { border-left: 3px solid #009E73; padding-left: .5rem; }
        .narrative { background: #f6f6f6; padding: .4rem .8rem; border-left: 3px solid #999; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print { body { max-width: none; margin: 0; font-size: 10pt; } h2 { break-after: avoid; } h2.page { break-before: page; }
          table, figure { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
        """;

    /// <summary>The HTML text of the report.</summary>
    public static string Render(AssessmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var c = report.Config;
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Html.Encode(c.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
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

        html.Append("</div>\n");
        foreach (var section in report.Sections)
        {
            html.Append("<h2 id=\"").Append(section.Id).Append('"').Append(NewPage.Contains(section.Id) ? " class=\"page\"" : string.Empty).Append('>')
                .Append(Html.Encode(section.Heading)).Append("</h2>\n");
            if (section.NarrativeHtml is { } narrative)
            {
                html.Append("<div class=\"narrative\" data-narrative=\"").Append(section.Id).Append("\">\n").Append(narrative).Append("</div>\n");
            }

            if (section.Id == "contents")
            {
                html.Append("<ol>\n");
                foreach (var other in report.Sections.Where(s => s.Id != "contents"))
                {
                    html.Append("<li><a href=\"#").Append(other.Id).Append("\">").Append(Html.Encode(other.Heading)).Append("</a></li>\n");
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
                html.Append("<figure data-figure=\"").Append(chart.Chart.Id).Append("\">\n").Append(StripXmlDeclaration(chart.Chart.Svg)).Append("\n<figcaption>")
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
        var table = block.ShowDetail ? block.Table : block.Table.WithoutDetail();
        html.Append("<table data-table=\"").Append(block.Id).Append("\">\n<caption>").Append(Html.Encode(table.Title)).Append("</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(Html.Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var numeric = cell is long or double or Analysis.FormattedNumber;
                html.Append(numeric ? "<td class=\"n\">" : "<td>").Append(Html.Encode(Format(cell))).Append("</td>");
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

    /// <summary>A cell as the HTML shows it: thousands separated, empty for no figure.</summary>
    public static string Format(object? cell) => cell switch
    {
        null => string.Empty,
        long n => n.ToString("N0", CultureInfo.InvariantCulture),
        double d => d.ToString("#,##0.####", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    static string StripXmlDeclaration(string svg) =>
        svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
}
