using System.CommandLine;
using System.Globalization;
using Csa.Ingest.Official;

namespace Csa.Cli.Commands;

/// <summary><c>csa import prc FILE... [--release YYYY-MM-DD]</c>: the Home Office's police recorded crime tables.</summary>
static class ImportPrcCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Home Office police recorded crime open data tables, force or partnership level: .ods (as published), .xlsx or .csv.",
            Arity = ArgumentArity.OneOrMore,
        };
        var release = new Option<DateTimeOffset?>("--release")
        {
            Description = "The release date (YYYY-MM-DD); by default the date in the file name (…-tables-191023.ods: 19 October 2023), else the import order.",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                {
                    return new DateTimeOffset(date, TimeSpan.Zero);
                }

                result.AddError($"--release '{text}' is not a date: write YYYY-MM-DD.");
                return null;
            },
        };
        var command = new Command("prc", "Import the Home Office's police recorded crime tables (force or partnership level); a newer release replaces the held quarters of an older one, and the import says what it revised.");
        command.Arguments.Add(files);
        command.Options.Add(release);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var results = await new RecordedCrimeImporter(store, TimeProvider.System).ImportAsync(parse.GetValue(files)!, parse.GetValue(release), cancellationToken);
            foreach (var (file, result) in parse.GetValue(files)!.Zip(results))
            {
                Report(file, result);
            }
        }));
        return command;
    }

    internal static void Report(string file, RecordedCrimeImportResult r)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{Path.GetFileName(file)}: {r.Rows:N0} rows at {r.Level.ToString().ToLowerInvariant()} level, release {r.Release:yyyy-MM-dd} (from {r.ReleaseFrom})."));
        Console.WriteLine(string.Create(c, $"Quarters: {r.Added:N0} added, {r.Revised:N0} revised, {r.Unchanged:N0} unchanged, {r.KeptNewer:N0} left as held (a newer release is held)."));
        if (r.LargestRevision is { } largest)
        {
            Console.WriteLine(string.Create(c, $"Largest revision: {largest.Area} {largest.Year} Q{largest.Quarter}, {largest.Before:N0} → {largest.After:N0} ({largest.After - largest.Before:+#,0;-#,0})."));
        }

        if (r.NationalBodies.Count > 0)
        {
            Console.WriteLine($"Held under their own names (no area of the lookups): {string.Join(", ", r.NationalBodies)}.");
        }

        if (r.Unmatched.Count > 0)
        {
            Console.WriteLine($"No held area matches {r.Unmatched.Count} names; their rows are held under the names and in no area's figures (import the geography lookups, or check the names): {string.Join(", ", r.Unmatched.Take(20))}{(r.Unmatched.Count > 20 ? ", …" : string.Empty)}.");
        }
    }
}
