using System.CommandLine;
using Csa.Analysis;
using Csa.Analysis.Comparison;
using Csa.Analysis.Rates;
using Csa.Analysis.Trees;
using Csa.Cli.Output;
using Csa.Core;
using Csa.Ingest.Synthetic;

namespace Csa.Cli.Commands;

/// <summary><c>csa demo</c>: the README's main job on the bundled real sample.</summary>
static class DemoCommand
{
    /// <summary>The bundled sample's police-uk inputs, relative to the sample folder.</summary>
    static readonly string[] PoliceUkInputs = ["police-uk/cambridgeshire", "police-uk/northumbria-2020-05_2023-02-street.zip"];

    /// <summary>The bundled sample's ONS lookups, relative to the sample folder.</summary>
    static readonly string[] GeographyInputs =
        ["geography/lsoa11-ward19-lad19.csv", "geography/lad19-csp19-pfa19.csv", "geography/lsoa11-lsoa21-lad22.csv"];

    /// <summary>The bundled sample's boundary folders (ward, 2011 LSOA), under its boundaries folder.</summary>
    static readonly string[] BoundaryKinds = ["ward", "lsoa11"];

    /// <summary>The bundled sample's population estimates, relative to the sample folder.</summary>
    static readonly string[] PopulationInputs = ["population/lsoa11-population-mid2015.csv", "population/lsoa21-population-mid2022.csv"];

    public static Command Create()
    {
        var sample = new Option<string?>("--sample")
        {
            Description = "The sample folder; by default data/sample of the csa repository (found from the current folder upwards).",
        };
        var area = new Option<string>("--area") { Description = "The area to summarise.", DefaultValueFactory = _ => "Huntingdonshire" };
        var output = new Option<string>("--out") { Description = "Where to write the synthetic extract and the two documents.", DefaultValueFactory = _ => "out" };
        var pdf = new Option<bool>("--pdf") { Description = "Also print each document as a PDF with Debian's headless Chromium." };
        var command = new Command("demo", "Import the bundled real sample (data.police.uk, ONS lookups) and summarise Huntingdonshire; then write and import a labelled synthetic police extract and reproduce the seed's Appendix A and violence trend.");
        command.Options.Add(sample);
        command.Options.Add(area);
        command.Options.Add(output);
        command.Options.Add(pdf);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var folder = parse.GetValue(sample) ?? FindSample();
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            Console.WriteLine($"Store: {(StoreFactory.NamesServer(store.Info.Location) ? store.Info.Location : Path.GetFullPath(store.Info.Location))} (schema version {store.Info.SchemaVersion})");
            await ImportCommands.ImportGeographyAsync(store, [.. GeographyInputs.Select(f => Path.Combine(folder, f))], cancellationToken);
            var result = await ImportCommands.ImportPoliceUkAsync(store, [.. PoliceUkInputs.Select(f => Path.Combine(folder, f))], cancellationToken);
            ImportCommands.Report(result);
            foreach (var file in PopulationInputs)
            {
                await StatisticsCommands.ImportPopulationAsync(store, Path.Combine(folder, file), null, cancellationToken);
            }

            await StatisticsCommands.ImportBoundariesAsync(
                store, [.. BoundaryKinds.SelectMany(kind => Directory.GetFiles(Path.Combine(folder, "boundaries", kind), "*.geojson").Order(StringComparer.Ordinal))], Ingest.Boundaries.BoundaryReader.DefaultTolerance, cancellationToken);

            // Northumbria's Home Office recorded crime: the offence mix behind the real document's harm weights.
            var prc = Directory.GetFiles(Path.Combine(folder, "prc"), "*.csv").Order(StringComparer.Ordinal).ToArray();
            foreach (var (file, imported) in prc.Zip(await new Ingest.Official.RecordedCrimeImporter(store, TimeProvider.System).ImportAsync(prc, null, cancellationToken)))
            {
                ImportPrcCommand.Report(file, imported);
            }

            var resolved = await new AreaResolver(store).ResolveAsync(parse.GetValue(area)!, cancellationToken);
            var summary = new CrimeSummary(store);
            TableOutput.Render(await summary.BuildAsync(resolved, null, null, SummaryBreakdown.Type, cancellationToken));
            TableOutput.Render(await summary.BuildAsync(resolved, null, null, SummaryBreakdown.Month, cancellationToken));
            var huntingdonshire = await new AreaResolver(store).ResolveAsync("Huntingdonshire", cancellationToken);
            TableOutput.Render(await new RateTable(store).BuildAsync(huntingdonshire, Period.Parse("2019-07..2019-09"), CategoryTrees.Load("police-uk"), 2015, cancellationToken: cancellationToken));

            // The seed's own figures need a police extract, which is never public: a labelled synthetic one stands in.
            var synthetic = Path.Combine(parse.GetValue(output)!, "synthetic-extract");
            await SynthCommand.WriteAsync(store, "Huntingdonshire", Period.Create(new Month(2011, 3), new Month(2017, 2)), 1, synthetic, cancellationToken);
            Console.WriteLine($"\nWrote a SYNTHETIC police extract for Huntingdonshire to {synthetic} (it reproduces the seed's Appendix A).");
            await ImportCommands.ImportExtractAsync(
                store,
                Path.Combine(synthetic, SyntheticExtractGenerator.ExtractFileName),
                Path.Combine(synthetic, SyntheticExtractGenerator.MappingFileName),
                cancellationToken);
            TableOutput.Render(await new PeriodComparison(store).BuildAsync(
                huntingdonshire, Period.Parse("2015"), Period.Parse("2016"), CategoryTrees.Load("seed"), [], cancellationToken));
            TableOutput.Render(await new YearlyBreakdown(store).BuildAsync(
                new YearsQuery(huntingdonshire, CategoryTrees.Load("seed"), "All Violence Against The Person", BySubcategory: true, From: 2013, To: 2015),
                cancellationToken));

            // The two documents: the seed's own (synthetic extract, with a synthetic partner series) and a real one.
            var examples = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder))!, "examples");
            var (ambulance, ambulanceSource) = await Ingest.Series.PartnerSeriesReader.ReadAsync(Path.Combine(examples, "synthetic-ambulance-callouts-huntingdonshire.csv"), cancellationToken);
            await store.ImportSeriesAsync("Ambulance call-outs (assault)", huntingdonshire, ambulance, ambulanceSource, cancellationToken);
            var outputFolder = parse.GetValue(output)!;
            var options = new ReportCommand.ReportOptions(parse.GetValue(pdf), Docx: true);
            var seed = await ReportCommand.WriteAsync(store, Path.Combine(examples, "report-seed-violence.json"), Path.Combine(outputFolder, "seed-huntingdonshire-violence-2016-17-q4"), options, cancellationToken);
            var real = await ReportCommand.WriteAsync(store, Path.Combine(examples, "report-northumbria-newcastle.json"), Path.Combine(outputFolder, "northumbria-newcastle-2022"), options, cancellationToken);
            Console.WriteLine();
            Console.WriteLine("The seed's assessment (Huntingdonshire, violence, 2016/17 Q4; SYNTHETIC extract):");
            ReportCommand.PrintWritten(seed);
            Console.WriteLine("A real assessment from data.police.uk (Newcastle upon Tyne, 2021 against 2022):");
            ReportCommand.PrintWritten(real);
        }));
        return command;
    }

    static string FindSample()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "sample");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new IOException("Cannot find the bundled sample (data/sample) from the current folder upwards: run csa demo inside the csa repository, or give --sample DIR.");
    }
}
