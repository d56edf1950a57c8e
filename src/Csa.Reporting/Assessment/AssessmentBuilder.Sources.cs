using System.Globalization;
using System.Text.RegularExpressions;
using Csa.Analysis.Comparison;
using Csa.Analysis;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Core;

namespace Csa.Reporting.Assessment;

public sealed partial class AssessmentBuilder
{
    /// <summary>The files the config names, and the months and population estimates the theme's comparison counted.</summary>
    static void RecordConfigSources(BuildContext c, ComparisonResult? comparison)
    {
        foreach (var value in c.Config.Narrative.Values.Where(NarrativeFile.IsFile))
        {
            c.Sources.ConfigFile(Path.Combine(c.Config.BaseFolder, value.Trim()));
        }

        foreach (var tree in new[] { c.Config.Theme.Tree, c.Config.Msg?.Tree }.OfType<string>().Where(t => !Analysis.Trees.CategoryTrees.BuiltIn.Contains(t, StringComparer.Ordinal)))
        {
            c.Sources.ConfigFile(ResolvePath(c.Config, tree));
        }

        if (comparison is not null)
        {
            c.Sources.Counted(comparison.Coverage, [.. c.Earlier.Months, .. c.Later.Months]);
            if (comparison.ExposureNote.Contains("× population", StringComparison.Ordinal))
            {
                c.Sources.Population(c.Earlier.From.Year);
                c.Sources.Population(c.Later.From.Year);
            }
        }
    }

    /// <summary>The months of a year row's label: 2014 (calendar) or 2014/15 (financial, April to March).</summary>
    static IEnumerable<Month> YearMonths(string label, bool calendar)
    {
        var year = int.Parse(label.AsSpan(0, 4), CultureInfo.InvariantCulture);
        return calendar ? Period.Create(new Month(year, 1), new Month(year, 12)).Months : Period.Create(new Month(year, 4), new Month(year + 1, 3)).Months;
    }

    /// <summary>The group's files, its members' street data over the period (where csa counted them) and its population estimate.</summary>
    async Task RecordGroupSourcesAsync(BuildContext c, MsgConfig m, Period period, ResultTable table, CancellationToken cancellationToken)
    {
        if (m.Table is { } analystTable)
        {
            // The analyst's own counts and populations: the file is the source.
            c.Sources.ConfigFile(Path.Combine(c.Config.BaseFolder, analystTable));
            return;
        }

        if (m.Group is { } group)
        {
            c.Sources.ConfigFile(Path.Combine(c.Config.BaseFolder, group));
        }

        var resolver = analyses.Areas;
        foreach (var code in table.Rows.Select(r => r[1]).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var member = await resolver.ResolveAsync(code, cancellationToken).ConfigureAwait(false);
            var forceAreas = await analyses.ForceAreaCodesAsync(member, cancellationToken).ConfigureAwait(false);
            c.Sources.StreetMonths(PoliceForces.Territorial.Where(f => forceAreas.Contains(f.PoliceForceAreaCode!, StringComparer.Ordinal)).Select(f => f.Slug), period.Months);
        }

        foreach (Match year in PopulationYear().Matches(string.Join(' ', table.Notes.Where(n => n.StartsWith("Population:", StringComparison.Ordinal)))))
        {
            c.Sources.Population(int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The appendix: each source's coverage (the months the document asked for, held and not held), then every file the
    /// document's figures were made from, once each, by name and SHA-256 (no local folder).</summary>
    async Task<IReadOnlyList<ReportBlock>> DataSourcesAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var ledger = await analyses.ImportedFilesAsync(cancellationToken).ConfigureAwait(false);
        var used = ledger.Where(f => IsUsed(f, c.Sources)).ToList();
        var coverage = new List<IReadOnlyList<object?>>();
        foreach (var (force, months) in c.Sources.Street)
        {
            var held = used.Where(f => f.Kind == "street" && f.ForceSlug == force).Select(f => f.Month!.Value).ToHashSet();
            var missing = months.Where(m => !held.Contains(m)).ToList();
            coverage.Add([$"data.police.uk street data: {(PoliceForces.TryFind(force, out var known) ? known!.Name : force)}", DataCoverage.DescribeMonths([.. months]), (long)(months.Count - missing.Count), missing.Count == 0 ? "none" : DataCoverage.DescribeMonths(missing)]);
        }

        if (c.Sources.Extract is { } extract)
        {
            var months = c.Sources.ExtractMonths.ToList();
            var missing = months.Where(m => !extract.IsHeld(m)).ToList();
            coverage.Add(["Local police extract" + (used.Any(f => f.Kind == "extract-synthetic") ? " (SYNTHETIC)" : string.Empty), DataCoverage.DescribeMonths(months), (long)(months.Count - missing.Count), missing.Count == 0 ? "none" : DataCoverage.DescribeMonths(missing)]);
        }

        foreach (var year in c.Sources.PopulationYears)
        {
            var held = used.Any(f => f.Kind == $"population:{year}");
            coverage.Add([$"ONS population estimates, mid-{year}", $"mid-{year}", held ? 1L : 0L, held ? "none" : $"mid-{year}"]);
        }

        foreach (var (_, (name, area, months)) in c.Sources.Series)
        {
            var held = (await analyses.SeriesAsync(name, area, cancellationToken).ConfigureAwait(false)).Select(m => m.Month).ToHashSet();
            var missing = months.Where(m => !held.Contains(m)).ToList();
            coverage.Add([$"Partner series: {name}", DataCoverage.DescribeMonths([.. months]), (long)(months.Count - missing.Count), missing.Count == 0 ? "none" : DataCoverage.DescribeMonths(missing)]);
        }

        var files = used
            .Select(f => (f.Kind, Name: EntryName(f.Source.Name), Archive: ArchiveName(f.Source.Name), Rows: (long?)f.Rows, f.Source.Sha256))
            .Concat(c.Sources.ConfigFiles.Select(f => (Kind: "config", Name: f.Key, Archive: (string?)null, Rows: (long?)null, Sha256: f.Value)))
            .DistinctBy(f => (f.Kind, f.Name, f.Archive, f.Sha256))
            .ToList();
        var archives = files.Select(f => f.Archive).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return
        [
            new TableBlock("data-sources", ResultTable.Create(
                "Each source's coverage: the months this document's figures asked for",
                ["Source", "Months asked for", "Months held", "Not held"],
                coverage,
                ["A month not held is left out of every figure (never counted as zero); the figures that span it say so."])),
            new TableBlock("data-files", ResultTable.Create(
                "The files this document's figures were made from, each once",
                ["Kind", "File", "Rows", "SHA-256"],
                [.. files.Select(f => (IReadOnlyList<object?>)[f.Kind, f.Name, f.Rows, f.Sha256])],
                [
                    .. archives.Select(a => $"Read from the archive {a}."),
                    "config: the analyst's own files named by the config (text, group and tree files).",
                    "data.police.uk and ONS data: Open Government Licence v3.0. Files marked extract-synthetic are synthetic, not real crime records.",
                ])),
        ];
    }

    static bool IsUsed(ImportedFile file, UsedSources sources) => file.Kind switch
    {
        "street" => file.ForceSlug is { } force && file.Month is { } month && sources.Street.TryGetValue(force, out var months) && months.Contains(month),
        "extract" or "extract-synthetic" => sources.Extract is not null,
        "prc:force" => sources.HomeOfficeForceTable,
        var kind when kind.StartsWith("population:", StringComparison.Ordinal) =>
            int.TryParse(kind.AsSpan("population:".Length), CultureInfo.InvariantCulture, out var year) && sources.PopulationYears.Contains(year),
        var kind when kind.StartsWith("series:", StringComparison.Ordinal) => sources.Series.ContainsKey(kind),

        // The lookups place every record and area: every document uses them.
        var kind => kind.StartsWith("geography:", StringComparison.Ordinal),
    };

    /// <summary>A file's own name: for a zip entry (<c>archive.zip!2020-05/…-street.csv</c>) the entry's name, never a local folder.</summary>
    static string EntryName(string name)
    {
        var bang = name.IndexOf('!', StringComparison.Ordinal);
        return Path.GetFileName(bang < 0 ? name : name[(bang + 1)..]);
    }

    /// <summary>The archive a zip entry was read from, by name alone; null for a file of its own.</summary>
    static string? ArchiveName(string name)
    {
        var bang = name.IndexOf('!', StringComparison.Ordinal);
        return bang < 0 ? null : Path.GetFileName(name[..bang]);
    }

    [GeneratedRegex(@"mid-(\d{4})")]
    private static partial Regex PopulationYear();
}
