using System.Diagnostics;
using System.Text;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Ingest.Archives;
using Csa.Ingest.Internal;
using Csa.Storage;

namespace Csa.Ingest.PoliceUk;

/// <summary>Imports data.police.uk files into a store, all or nothing.</summary>
/// <remarks>
/// Every file is first read and validated by csa (several at once, one per core). If any file has a
/// problem, <see cref="CsaImportException"/> lists every problem and the store is not touched. Otherwise
/// all files go to the store in one batch (one transaction), each replacing what the store held for its
/// force, month and kind, so importing the same files twice changes no count.
/// </remarks>
/// <param name="store">The store to import into.</param>
/// <param name="limits">How far zip archives may expand (null: <see cref="ArchiveLimits.Default"/>).</param>
/// <param name="include">Which of the files found to import (null: all), as <c>csa fetch</c> keeps only the months and forces asked for.</param>
public sealed class PoliceUkImporter(ICsaStore store, ArchiveLimits? limits = null, Func<PoliceUkFileName, bool>? include = null)
{
    /// <summary>Imports every data.police.uk file under <paramref name="paths"/>.</summary>
    /// <exception cref="CsaImportException">A path or file has a problem; nothing was imported.</exception>
    public async Task<PoliceUkImportResult> ImportAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var (found, findIssues, ignored) = PoliceUkSourceFinder.Find(paths, limits ?? ArchiveLimits.Default);
        var sources = include is null ? found : [.. found.Where(s => include(s.Name))];
        var issues = new List<ImportIssue>(findIssues);
        if (include is not null && findIssues.Count == 0 && !sources.Any(s => s.Name.Kind == PoliceUkFileKind.Street))
        {
            issues.Add(new ImportIssue(string.Join(", ", paths), 0, "holds no street file of the months and forces asked for"));
        }

        issues.AddRange(FindRepeats(sources));
        if (issues.Count > 0)
        {
            throw new CsaImportException(issues);
        }

        var toRead = sources
            .Where(s => s.Name.Kind != PoliceUkFileKind.StopAndSearch)
            .OrderBy(s => s.Name.Kind)
            .ThenBy(s => s.Name.ForceSlug, StringComparer.Ordinal)
            .ThenBy(s => s.Name.Month)
            .ToArray();
        var tally = new Tally(toRead.Length, toRead.Sum(s => s.Length), progress);
        using var copies = new ScratchCopies();

        var checkedFiles = new CheckedFile[toRead.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, toRead.Length), parallel, async (i, token) =>
            checkedFiles[i] = await CheckFileAsync(toRead[i], copies, tally, token).ConfigureAwait(false)).ConfigureAwait(false);
        issues.AddRange(checkedFiles.SelectMany(f => f.Issues));
        if (issues.Count > 0)
        {
            throw new CsaImportException(issues);
        }

        tally.Loading();
        var replaced = new List<ReplacedFile>();
        var batch = await store.BeginPoliceUkImportAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var file in checkedFiles.Select(f => f.File!))
            {
                var replacement = await batch.AddFileAsync(file, cancellationToken).ConfigureAwait(false);
                if (replacement.ReplacesEarlierImport)
                {
                    replaced.Add(new ReplacedFile(file.ForceSlug, file.Month, KindName(file.Kind), replacement.EarlierImportIdentical));
                }
            }

            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var street = checkedFiles.Where(f => f.File!.Kind == PoliceUkFileKind.Street).ToArray();
        return new PoliceUkImportResult(
            street.Length,
            checkedFiles.Length - street.Length,
            street.Sum(f => f.Statistics.Crimes),
            street.Sum(f => f.Statistics.AntiSocialBehaviour),
            street.Sum(f => f.Statistics.NoLocation),
            checkedFiles.Where(f => f.File!.Kind == PoliceUkFileKind.Outcomes).Sum(f => f.File!.Rows),
            replaced,
            sources.Count(s => s.Name.Kind == PoliceUkFileKind.StopAndSearch),
            ignored);
    }

    static string KindName(PoliceUkFileKind kind) => kind == PoliceUkFileKind.Street ? "street" : "outcomes";

    /// <summary>The same (force, month, kind) given twice would make the result depend on file order: refuse it.</summary>
    static IEnumerable<ImportIssue> FindRepeats(IReadOnlyList<PoliceUkSource> sources) =>
        sources
            .Where(s => s.Name.Kind != PoliceUkFileKind.StopAndSearch)
            .GroupBy(s => s.Name)
            .Where(g => g.Count() > 1)
            .Select(g => new ImportIssue(
                g.Skip(1).First().DisplayName,
                0,
                $"{g.Key.ForceSlug} {KindName(g.Key.Kind)} for {g.Key.Month} is also given as {g.First().DisplayName}: import one of them"));

    /// <summary>Reads, checksums and validates one file; a valid file that the store cannot read in place gets a plain copy on disk.</summary>
    static async Task<CheckedFile> CheckFileAsync(PoliceUkSource source, ScratchCopies copies, Tally tally, CancellationToken cancellationToken)
    {
        byte[] bytes;
        SourceFile sourceFile;
        try
        {
            (bytes, sourceFile) = await TextFile.ReadAsync(source.Open, source.DisplayName, cancellationToken).ConfigureAwait(false);
        }
        catch (ArchiveEntryException e)
        {
            tally.Checked(source, 0);
            return new CheckedFile(null, new StreetFileStatistics(0, 0, 0, 0), [new ImportIssue(source.DisplayName, 0, e.Message)]);
        }

        var issues = new List<ImportIssue>();
        var text = TextFile.Decode(bytes, source.DisplayName, issues);
        var statistics = new StreetFileStatistics(0, 0, 0, 0);
        if (text is not null)
        {
            statistics = source.Name.Kind == PoliceUkFileKind.Street
                ? StreetFileReader.Read(text, source.DisplayName, source.Name.Month, null, issues)
                : new StreetFileStatistics(OutcomesFileReader.Read(text, source.DisplayName, source.Name.Month, null, issues), 0, 0, 0);
            if (source.Name.Kind == PoliceUkFileKind.Street && statistics.Rows == 0 && issues.Count == 0)
            {
                // Held, it would be a month of zero crime; a force's month always has records: the file is broken or cut short.
                issues.Add(new ImportIssue(source.DisplayName, 1, "the street file has a header and no rows: csa refuses it rather than hold a month of no crime (leave it out, and the month stays a gap that every figure states)"));
            }
        }

        ValidatedPoliceUkFile? file = null;
        if (issues.Count == 0)
        {
            // The store's bulk loader reads plain UTF-8 files by path: copy zip entries, files with a
            // byte-order mark, and paths with glob characters (which the loader would expand).
            var hasByteOrderMark = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
            var usable = source.PathOnDisk is not null && !hasByteOrderMark && source.PathOnDisk.AsSpan().IndexOfAny("*?[{") < 0;
            var path = usable
                ? source.PathOnDisk!
                : await copies.WriteAsync(bytes.AsMemory(hasByteOrderMark ? 3 : 0), Path.GetFileName(source.DisplayName), cancellationToken).ConfigureAwait(false);
            file = new ValidatedPoliceUkFile(source.Name.Kind, source.Name.ForceSlug, source.Name.Month, sourceFile, path, statistics.Rows);
        }

        tally.Checked(source, statistics.Rows);
        return new CheckedFile(file, statistics, issues);
    }

    sealed record CheckedFile(ValidatedPoliceUkFile? File, StreetFileStatistics Statistics, IReadOnlyList<ImportIssue> Issues);

    /// <summary>Progress of one import, updated from the checking threads.</summary>
    sealed class Tally(int filesTotal, long bytesTotal, IProgress<ImportProgress>? progress)
    {
        readonly Stopwatch _clock = Stopwatch.StartNew();
        readonly Lock _lock = new();
        int _filesDone;
        long _bytesDone;
        long _rows;

        public void Checked(PoliceUkSource source, long rows)
        {
            lock (_lock)
            {
                _filesDone++;
                _bytesDone += source.Length;
                _rows += rows;
                progress?.Report(new ImportProgress("checking", _filesDone, filesTotal, _rows, _bytesDone, bytesTotal, source.DisplayName, _clock.Elapsed));
            }
        }

        public void Loading()
        {
            lock (_lock)
            {
                progress?.Report(new ImportProgress("loading", _filesDone, filesTotal, _rows, _bytesDone, bytesTotal, "the store", _clock.Elapsed));
            }
        }
    }
}
