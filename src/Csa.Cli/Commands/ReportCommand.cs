using System.CommandLine;
using System.Diagnostics;
using Csa.Reporting.Assessment;

namespace Csa.Cli.Commands;

/// <summary><c>csa report</c>: the strategic assessment document from one config file.</summary>
static class ReportCommand
{
    public static Command Create()
    {
        var config = new Argument<string>("CONFIG") { Description = "The assessment config (JSON): see docs/report-config.md and data/examples/report-seed-violence.json." };
        var output = new Option<string>("--out") { Description = "The folder to write the report into: a new or empty folder, or a report folder csa wrote before (replaced). csa never deletes a file it did not write.", DefaultValueFactory = _ => "out/report" };
        var pdf = new Option<bool>("--pdf") { Description = "Also print a PDF with Debian's headless Chromium." };
        var isPublic = new Option<bool>("--public")
        {
            Description = "Write the public version: data.police.uk street figures as published; sections from the force's own extract or partner data left out, each with the reason (docs/DISCLOSURE.md).",
        };
        var command = new Command("report", "Write the strategic assessment: one self-contained HTML file, figures as SVG and PNG, tables as xlsx, a json sidecar of every finding and table, and with --pdf a PDF.");
        command.Arguments.Add(config);
        command.Options.Add(output);
        command.Options.Add(pdf);
        command.Options.Add(isPublic);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var path = await WriteAsync(store, parse.GetValue(config)!, parse.GetValue(output)!, parse.GetValue(pdf), cancellationToken, parse.GetValue(isPublic));
            Console.WriteLine($"Wrote the report: {path}");
            if (parse.GetValue(pdf))
            {
                Console.WriteLine($"Wrote the PDF: {PdfOf(path)}");
            }
        }));
        return command;
    }

    internal static async Task<string> WriteAsync(Storage.ICsaStore store, string configPath, string folder, bool pdf, CancellationToken cancellationToken, bool isPublic = false)
    {
        var clock = Stopwatch.StartNew();
        var config = AssessmentConfig.Load(configPath);
        var progress = new Stage(stage => Console.WriteLine($"report: {stage} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        var disclosure = isPublic ? new Analysis.Disclosure.DisclosureService(new(true, 4)) : null;
        var report = await new AssessmentBuilder(store, disclosure).BuildAsync(config, progress, cancellationToken);
        progress.Report(pdf ? "writing the HTML, figures, tables and PDF" : "writing the HTML, figures and tables");
        return await ReportFiles.WriteAsync(report, folder, pdf, cancellationToken);
    }

    /// <summary>The PDF written beside the report at <paramref name="htmlPath"/>.</summary>
    internal static string PdfOf(string htmlPath) => Path.Combine(Path.GetDirectoryName(htmlPath)!, Reporting.Assessment.ReportFiles.PdfName);

    sealed class Stage(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
