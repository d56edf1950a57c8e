using System.CommandLine;
using System.Diagnostics;
using Csa.Analysis;
using Csa.Reporting.Assessment;

namespace Csa.Cli.Commands;

/// <summary><c>csa report</c>: the strategic assessment document from one config file.</summary>
static class ReportCommand
{
    public static Command Create()
    {
        var config = new Argument<string>("CONFIG") { Description = "The assessment config (JSON): see docs/report-config.md and data/examples/report-seed-violence.json." };
        var output = new Option<string>("--out") { Description = "The folder to write the report into: a new or empty folder, or a report folder csa wrote before (replaced). csa never deletes a file it did not write.", DefaultValueFactory = _ => "out/report" };
        var pdf = new Option<bool>("--pdf") { Description = "Also print a PDF with Debian's headless Chromium: page numbers, a contents list with page numbers." };
        var docx = new Option<bool>("--docx") { Description = "Also write a Word document (report.docx): Word's heading styles, a contents field, tables, figures with alt text, page numbers." };
        var draft = new Option<bool>("--draft")
        {
            Description = "Build a draft although some of the analyst's slots (authors, team, introduction, recommendations, each section's commentary) are empty or hold the template's example text; every page then says DRAFT. Without it, such a slot is an error naming it.",
        };
        var isPublic = new Option<bool>("--public")
        {
            Description = "Write the public version: data.police.uk street figures as published; sections from the force's own extract or partner data left out, each with the reason (docs/DISCLOSURE.md).",
        };
        var command = new Command("report", "Write the strategic assessment: one self-contained HTML file, figures as SVG and PNG, tables as xlsx, a json sidecar of every finding and table, with --pdf a PDF and with --docx a Word document.");
        command.Arguments.Add(config);
        command.Options.Add(output);
        command.Options.Add(pdf);
        command.Options.Add(docx);
        command.Options.Add(draft);
        command.Options.Add(isPublic);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreForReadingAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var options = new ReportOptions(parse.GetValue(pdf), parse.GetValue(docx), parse.GetValue(draft), parse.GetValue(isPublic));
            var written = await WriteAsync(store, parse.GetValue(config)!, parse.GetValue(output)!, options, cancellationToken);
            PrintWritten(written);
        }));
        return command;
    }

    /// <summary>What to write, and for whom.</summary>
    internal sealed record ReportOptions(bool Pdf, bool Docx, bool Draft = false, bool Public = false);

    internal static async Task<WrittenReport> WriteAsync(Storage.ICsaStore store, string configPath, string folder, ReportOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var config = AssessmentConfig.Load(configPath);
        var progress = new Stage(stage => Console.WriteLine($"report: {stage} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        var disclosure = options.Public ? new Analysis.Disclosure.DisclosureService(new(true, 4)) : null;
        var report = await new AssessmentBuilder(new Analyses(store), disclosure, options.Draft).BuildAsync(config, progress, cancellationToken);
        progress.Report("writing the HTML, figures and tables" + (options.Docx ? ", the Word document" : string.Empty) + (options.Pdf ? ", the PDF" : string.Empty));
        return await ReportFiles.WriteAsync(report, folder, options.Pdf, options.Docx, cancellationToken);
    }

    /// <summary>Prints the path of every document written: the HTML, and the PDF and Word document where asked for.</summary>
    internal static void PrintWritten(WrittenReport written)
    {
        Console.WriteLine($"Wrote the report: {written.Html}");
        if (written.Pdf is { } pdf)
        {
            Console.WriteLine($"Wrote the PDF: {pdf}");
        }

        if (written.Docx is { } docx)
        {
            Console.WriteLine($"Wrote the Word document: {docx}");
        }
    }

    sealed class Stage(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
