using System.Text.Encodings.Web;
using System.Text.Json;

namespace Csa.Reporting.Assessment;

/// <summary>Writes a built assessment into a folder: the HTML, its json sidecar (every finding with its query and
/// figures, every table), the figures as SVG and PNG, the tables as one xlsx, and with <c>pdf</c> a PDF printed by
/// Debian's headless Chromium.</summary>
/// <remarks>Everything is written into a temporary folder beside the target and moved into place at the end: a
/// failure leaves no partial report. The target must be new, empty, or a report folder csa wrote before (see
/// <see cref="Core.Files.CsaOutputFolder"/>): csa never deletes a file it did not write.</remarks>
public static class ReportFiles
{
    /// <summary>The HTML file's name.</summary>
    public const string HtmlName = "report.html";

    /// <summary>The json sidecar's name.</summary>
    public const string SidecarName = "report.json";

    /// <summary>The PDF's name.</summary>
    public const string PdfName = "report.pdf";

    /// <summary>The Word document's name.</summary>
    public const string DocxName = "report.docx";

    /// <summary>The names csa writes directly inside a report folder.</summary>
    public static IReadOnlyList<string> OwnNames { get; } = [HtmlName, SidecarName, PdfName, DocxName, "tables.xlsx", "figures"];

    /// <summary>Whether a file of a report folder's figures folder is one csa writes (figures/figure-N.svg or .png).</summary>
    static bool IsOwnFigure(string relativePath) =>
        Path.GetDirectoryName(relativePath) == "figures"
        && Path.GetFileName(relativePath).StartsWith("figure-", StringComparison.Ordinal)
        && Path.GetExtension(relativePath) is ".svg" or ".png";

    /// <summary>Writes the report into <paramref name="folder"/> (replacing a report csa wrote there before); returns the paths written.</summary>
    /// <param name="report">The built report.</param>
    /// <param name="folder">The report folder.</param>
    /// <param name="pdf">Also print a PDF (Debian's Chromium).</param>
    /// <param name="docx">Also write a Word document.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <exception cref="IOException">The folder holds files csa did not write, a file cannot be written, or the PDF cannot be printed (Chromium missing or failing).</exception>
    public static async Task<WrittenReport> WriteAsync(AssessmentReport report, string folder, bool pdf, bool docx = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var target = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        Core.Files.CsaOutputFolder.CheckWritable(target, OwnNames, IsOwnFigure);
        var temp = target + $".partial-{Guid.NewGuid():N}";
        Core.Files.CsaOutputFolder.Mark(temp);
        Directory.CreateDirectory(Path.Combine(temp, "figures"));
        try
        {
            await File.WriteAllTextAsync(Path.Combine(temp, HtmlName), HtmlReportWriter.Render(report), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(temp, SidecarName), Sidecar(report), cancellationToken).ConfigureAwait(false);
            foreach (var chart in report.Charts)
            {
                await File.WriteAllTextAsync(Path.Combine(temp, "figures", chart.Id + ".svg"), chart.Svg, cancellationToken).ConfigureAwait(false);
                await File.WriteAllBytesAsync(Path.Combine(temp, "figures", chart.Id + ".png"), chart.Png, cancellationToken).ConfigureAwait(false);
            }

            TableFiles.WriteXlsx([.. report.Tables.Select(t => (t.Id, t.Table))], Path.Combine(temp, "tables.xlsx"));
            if (docx)
            {
                WordReportWriter.Write(report, Path.Combine(temp, DocxName));
            }

            if (pdf)
            {
                await PrintPdfAsync(report, temp, cancellationToken).ConfigureAwait(false);
            }

            if (Directory.Exists(target))
            {
                // Checked above: empty, or holding only csa's own report files.
                Core.Files.CsaOutputFolder.CheckWritable(target, OwnNames, IsOwnFigure);
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(temp, target);
            return new WrittenReport(Path.Combine(target, HtmlName), pdf ? Path.Combine(target, PdfName) : null, docx ? Path.Combine(target, DocxName) : null);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    static string Sidecar(AssessmentReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("title", report.Config.Title);
            json.WriteString("area", report.AreaName);
            json.WriteBoolean("synthetic", report.Synthetic);
            json.WriteString("commandsRunFrom", "the config's folder, on the same store (add --store and --json to read the figures)");
            json.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("id", f.Id);
                json.WriteString("sentence", f.Sentence);
                json.WriteString("command", f.Command);
                json.WriteBoolean("replacedByAnalyst", f.ReplacedByAnalyst);
                json.WriteStartObject("values");
                foreach (var figure in f.Figures)
                {
                    // Numbers as numbers for scripts; the figures below keep the text the document shows.
                    json.WritePropertyName(figure.Name);
                    WriteCell(json, figure.Value is Analysis.FormattedNumber n ? n.Value : figure.Value);
                }

                json.WriteEndObject();
                json.WriteStartArray("figures");
                foreach (var figure in f.Figures)
                {
                    json.WriteStartObject();
                    json.WriteString("name", figure.Name);
                    json.WriteString("keyColumn", figure.KeyColumn);
                    json.WriteString("row", figure.Row);
                    json.WriteString("column", figure.Column);
                    json.WritePropertyName("value");
                    WriteCell(json, figure.Value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("tables");
            foreach (var block in report.Tables)
            {
                var table = block.Table;
                json.WriteStartObject();
                json.WriteString("id", block.Id);
                json.WriteBoolean("inHtml", block.InHtml);
                json.WriteString("title", table.Title);
                json.WriteStartArray("columns");
                foreach (var column in table.Columns)
                {
                    json.WriteStringValue(column);
                }

                json.WriteEndArray();
                json.WriteStartArray("rows");
                foreach (var row in table.Rows)
                {
                    json.WriteStartArray();
                    foreach (var cell in row)
                    {
                        WriteCell(json, cell);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    static void WriteCell(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case long n: json.WriteNumberValue(n); break;
            case double d: json.WriteNumberValue(d); break;
            case decimal m: json.WriteNumberValue(m); break;
            case Analysis.FormattedNumber f:
                // The number for scripts, with the text the document shows beside it ("+ 11.3%", "<0.001").
                json.WriteStartObject();
                json.WritePropertyName("value");
                WriteCell(json, f.Value);
                json.WriteString("text", f.Text);
                json.WriteEndObject();
                break;
            default: json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>Where Debian's Chromium is, or null.</summary>
    public static string? FindChromium() => ChromiumPrinter.FindChromium();

    /// <summary>Prints the PDF: once to learn the page each section starts on (from the PDF's outline), then again with those
    /// page numbers in the contents, until they stand still (the numbers take no more room than the blanks before them).</summary>
    static async Task PrintPdfAsync(AssessmentReport report, string folder, CancellationToken cancellationToken)
    {
        var scratch = Core.Files.ProcessScratch.NewFolder("print");
        try
        {
            var printer = await ChromiumPrinter.StartAsync(cancellationToken).ConfigureAwait(false);
            await using (printer.ConfigureAwait(false))
            {
                var html = Path.Combine(scratch, "print.html");
                var pages = new Dictionary<string, int>(StringComparer.Ordinal);
                byte[] pdf;
                for (var pass = 1; ; pass++)
                {
                    await File.WriteAllTextAsync(html, HtmlReportWriter.Render(report, pages), cancellationToken).ConfigureAwait(false);
                    pdf = await printer.PrintAsync(html, report.Draft ? "DRAFT: not for circulation" : null, cancellationToken).ConfigureAwait(false);
                    var found = PdfOutline.SectionPages(pdf, report.Sections);
                    var settled = found.Count == pages.Count && found.All(p => pages.GetValueOrDefault(p.Key) == p.Value);
                    if (!report.Sections.Any(s => s.Id == "contents") || settled || pass == 3)
                    {
                        break;
                    }

                    pages = found;
                }

                await File.WriteAllBytesAsync(Path.Combine(folder, PdfName), pdf, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

/// <summary>The files a report was written to.</summary>
/// <param name="Html">The HTML document.</param>
/// <param name="Pdf">The PDF, when asked for.</param>
/// <param name="Docx">The Word document, when asked for.</param>
public sealed record WrittenReport(string Html, string? Pdf, string? Docx);
