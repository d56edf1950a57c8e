using System.CommandLine;
using System.Globalization;
using Csa.Cli.Output;
using Csa.Ingest.Archives;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;

namespace Csa.Cli.Commands;

/// <summary><c>csa import police-uk</c> and <c>csa import geography</c>.</summary>
static class ImportCommands
{
    public static Command PoliceUk()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Monthly files (2019-07-cambridgeshire-street.csv), folders laid out as data.police.uk's downloads (searched recursively), or .zip archives of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var defaults = ArchiveLimits.Default;
        var maxEntry = CommonOptions.SizeOption("--max-entry-size", "The most one zip entry may hold uncompressed.", defaults.MaxEntryBytes);
        var maxArchive = CommonOptions.SizeOption("--max-archive-size", "The most the files read from one zip archive may hold uncompressed, together.", defaults.MaxArchiveBytes);
        var maxRatio = new Option<double>("--max-ratio")
        {
            Description = "The most a zip entry over 1 MiB may expand (uncompressed over compressed; street files compress about 5-10:1).",
            DefaultValueFactory = _ => defaults.MaxRatio,
        };
        maxRatio.Validators.Add(result =>
        {
            if (result.GetValue(maxRatio) is < 1 or double.NaN)
            {
                result.AddError("--max-ratio must be 1 or more.");
            }
        });
        var command = new Command("police-uk", "Import data.police.uk street and outcomes files; each (force, month) replaces what the store held for it. Zip archives are checked first: sizes, expansion ratio, CRC-32, no encryption.");
        command.Arguments.Add(paths);
        command.Options.Add(maxEntry);
        command.Options.Add(maxArchive);
        command.Options.Add(maxRatio);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var limits = new ArchiveLimits(parse.GetValue(maxEntry), parse.GetValue(maxArchive), parse.GetValue(maxRatio));
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var result = await ImportPoliceUkAsync(store, parse.GetValue(paths)!, cancellationToken, limits);
            Report(result);
        }));
        return command;
    }

    internal static Task<PoliceUkImportResult> ImportPoliceUkAsync(Storage.ICsaStore store, IReadOnlyList<string> paths, CancellationToken cancellationToken, ArchiveLimits? limits = null) =>
        ImportProgressDisplay.RunAsync(progress => new PoliceUkImporter(store, limits).ImportAsync(paths, progress, cancellationToken));

    internal static void Report(PoliceUkImportResult result)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c,
            $"Imported {result.StreetFiles} street files ({result.Crimes:N0} crimes, {result.AntiSocialBehaviour:N0} anti-social behaviour incidents held apart; {result.NoLocation:N0} rows with no location, kept) and {result.OutcomesFiles} outcomes files ({result.Outcomes:N0} outcomes)."));
        foreach (var replaced in result.Replaced)
        {
            var same = replaced.Identical ? " (same file as before: counts unchanged)" : string.Empty;
            Console.WriteLine($"replaced: {replaced.ForceSlug} {replaced.Kind} {replaced.Month}{same}");
        }

        if (result.StopAndSearchSkipped > 0)
        {
            Console.WriteLine($"Skipped {result.StopAndSearchSkipped} stop-and-search files: csa does not use stop and search data.");
        }

        if (result.OtherFilesIgnored > 0)
        {
            Console.WriteLine($"Ignored {result.OtherFilesIgnored} files whose names are not data.police.uk's.");
        }
    }

    public static Command Extract()
    {
        var file = new Argument<string>("FILE") { Description = "The force's record-level crime extract (CSV)." };
        var mapping = new Option<string>("--mapping")
        {
            Description = "The mapping file (JSON) that names the extract's columns and value codes; csa synth extract writes a documented example.",
            Required = true,
        };
        var command = new Command("extract", "Import a police force's record-level crime extract; a crime reference already held is updated, not added again.");
        command.Arguments.Add(file);
        command.Options.Add(mapping);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            await ImportExtractAsync(store, parse.GetValue(file)!, parse.GetValue(mapping)!, cancellationToken);
        }));
        return command;
    }

    internal static async Task ImportExtractAsync(Storage.ICsaStore store, string file, string mapping, CancellationToken cancellationToken)
    {
        var (result, crimes) = await new Ingest.Extract.ExtractImporter(store).ImportAsync(file, mapping, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {file}: {crimes:N0} crimes ({result.Added:N0} new, {result.Updated:N0} updated: their crime references were held already)."));
    }

    public static Command Geography()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "ONS lookup CSVs: LSOA → ward → district (LSOA11CD, WDyyCD, LADyyCD), district → partnership → force area (LADyyCD, CSPyyCD, PFAyyCD), or LSOA 2011 → 2021 (LSOA11CD, LSOA21CD).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("geography", "Import ONS geography lookups; each replaces the held lookup of its kind.");
        command.Arguments.Add(files);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            await ImportGeographyAsync(store, parse.GetValue(files)!, cancellationToken);
        }));
        return command;
    }

    internal static async Task ImportGeographyAsync(Storage.ICsaStore store, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        // Every file is read and checked before any is imported, so that a bad file changes nothing.
        var lookups = new List<(string File, Core.Geography.GeographyLookup Lookup, Core.Importing.SourceFile Source)>();
        foreach (var file in files)
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file, cancellationToken);
            lookups.Add((file, lookup, source));
        }

        foreach (var (file, lookup, source) in lookups)
        {
            var result = await store.ImportGeographyAsync(lookup, source, cancellationToken);
            var replaced = result.Replaced ? " (replaced the lookup held before)" : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {file}: {result.Kind} lookup, {lookup.Vintage} codes, {result.Rows:N0} rows{replaced}. {result.AreasHeld:N0} areas can now be named with --area."));
            foreach (var warning in lookup.Warnings)
            {
                Console.WriteLine("note: " + warning);
            }
        }
    }
}
