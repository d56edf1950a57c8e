using System.CommandLine;
using System.Globalization;
using Csa.Cli.Output;
using Csa.Core;
using Csa.Core.PoliceUk;
using Csa.Ingest.Fetch;
using Csa.Ingest.PoliceUk;
using Spectre.Console;

namespace Csa.Cli.Commands;

/// <summary><c>csa fetch police-uk</c>: downloads data.police.uk archives (resumably, checked) and imports the months and forces asked for.</summary>
static class FetchCommand
{
    /// <summary>data.police.uk's archive of monthly zips.</summary>
    public const string DefaultBaseUrl = "https://data.police.uk/data/archive/";

    public static Command Create()
    {
        var from = CommonOptions.MonthOption("--from", "The first month to import.");
        from.Required = true;
        var to = CommonOptions.MonthOption("--to", "The last month to import.");
        to.Required = true;
        var forces = new Option<string[]>("--force") { Description = "A force to keep (name, slug or police force area code); repeat for several; all when omitted.", AllowMultipleArgumentsPerToken = true };
        var baseUrl = new Option<Uri>("--base-url")
        {
            Description = "Where the monthly archives are (YYYY-MM.zip).",
            DefaultValueFactory = _ => new Uri(DefaultBaseUrl),
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    return uri;
                }

                result.AddError($"--base-url '{text}' is not an http or https URL.");
                return null!;
            },
        };
        var cache = new Option<string?>("--cache") { Description = $"The download cache csa owns (default {ArchiveDownloader.DefaultCache})." };
        var policeUk = new Command("police-uk", "Download the data.police.uk archives that hold the months asked for (an archive holds the latest 36 months of every force), resuming an interrupted download and checking each, then import only the months and forces asked for, through the normal import.");
        foreach (var option in new Option[] { from, to, forces, baseUrl, cache })
        {
            policeUk.Options.Add(option);
        }

        policeUk.Validators.Add(result =>
        {
            if (result.GetValue(from) is { } f && result.GetValue(to) is { } t && t < f)
            {
                result.AddError($"--to {t} comes before --from {f}.");
            }

            foreach (var name in result.GetValue(forces) ?? [])
            {
                if (!PoliceForces.TryFind(name, out _))
                {
                    result.AddError($"--force '{name}' is not a force: give a name (Thames Valley), a data.police.uk slug (thames-valley) or a police force area code.");
                }
            }
        });
        policeUk.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var period = Period.Create(parse.GetValue(from)!.Value, parse.GetValue(to)!.Value);
            var slugs = (parse.GetValue(forces) ?? []).Select(n => PoliceForces.TryFind(n, out var force) ? force.Slug : n).ToHashSet(StringComparer.Ordinal);
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var downloader = new ArchiveDownloader(http, parse.GetValue(cache) ?? ArchiveDownloader.DefaultCache);
            var archives = new List<string>();
            foreach (var (archive, serves) in ArchivePlan.For(period))
            {
                Console.WriteLine($"fetch: {archive}.zip (for {serves.From}..{serves.To})");
                archives.Add(await downloader.FetchAsync(parse.GetValue(baseUrl)!, archive, new Reporter(), cancellationToken));
            }

            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var result = await ImportProgressDisplay.RunAsync(progress =>
                new PoliceUkImporter(store, include: name => period.Contains(name.Month) && (slugs.Count == 0 || slugs.Contains(name.ForceSlug))).ImportAsync(archives, progress, cancellationToken));
            ImportCommands.Report(result);
        }));
        var command = new Command("fetch", "Download data into csa's cache and import it.");
        command.Subcommands.Add(policeUk);
        return command;
    }

    /// <summary>Prints the download's notes, and its progress about once a second (a line each, so logs and terminals alike read it).</summary>
    sealed class Reporter : IProgress<DownloadProgress>
    {
        readonly System.Diagnostics.Stopwatch _sinceLast = System.Diagnostics.Stopwatch.StartNew();
        bool _first = true;

        public void Report(DownloadProgress value)
        {
            if (value.Note is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"fetch: {value.File}: {value.Note}");
                return;
            }

            if (!_first && _sinceLast.Elapsed < TimeSpan.FromSeconds(1))
            {
                return;
            }

            _first = false;
            _sinceLast.Restart();
            var share = value.BytesTotal is > 0 and var total ? string.Create(CultureInfo.InvariantCulture, $" of {ByteSize.Format(total)} ({100.0 * value.BytesDone / total:0}%)") : string.Empty;
            Console.WriteLine($"fetch: {value.File}: {ByteSize.Format(value.BytesDone)}{share}");
        }
    }
}
