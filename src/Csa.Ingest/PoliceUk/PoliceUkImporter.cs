using System.Diagnostics;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Ingest.Archives;
using Csa.Ingest.Internal;

namespace Csa.Ingest.PoliceUk;

/// <summary>Imports data.police.uk files into a store, all or nothing.</summary>
/// <remarks>
/// One pass: each file is read once (from its zip, never copied out), parsed and validated by csa (several at once, one
/// per core), and its records go straight to the store as columns, in one batch (one transaction) that replaces what
/// the store held for each file's force, month and kind, so importing the same files twice changes no count. Only a
/// few files are held at a time. If any file has a problem, reading goes on to list every problem, nothing more is
/// written, the batch is rolled back and <see cref="CsaImportException"/> names them all: the store is as it was.
/// </remarks>
/// <param name="store">The store to import into.</param>
/// <param name="limits">How far zip archives may expand (null: <see cref="ArchiveLimits.Default"/>).</param>
/// <param name="include">Which of the files found to import (null: all), as <c>csa fetch</c> keeps only the months and forces asked for.</param>
public sealed class PoliceUkImporter(IPoliceUkImportTarget store, ArchiveLimits? limits = null, Func<PoliceUkFileName, bool>? include = null)
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
        var checkedFiles = new List<CheckedFile>(toRead.Length);
        var replaced = new List<ReplacedFile>();
        var batch = await store.BeginPoliceUkImportAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            // Files are read ahead on the thread pool, a few more than there are cores, and written in order here while
            // the next are read: memory holds those few files' records, never the whole archive.
            var ahead = new Queue<Task<CheckedFile>>();
            var next = 0;
            while (next < toRead.Length || ahead.Count > 0)
            {
                while (next < toRead.Length && ahead.Count < Environment.ProcessorCount + 2)
                {
                    var source = toRead[next++];
                    ahead.Enqueue(Task.Run(() => CheckFileAsync(source, tally, cancellationToken), cancellationToken));
                }

                var checkedFile = await ahead.Dequeue().ConfigureAwait(false);
                issues.AddRange(checkedFile.Issues);
                if (issues.Count == 0)
                {
                    var file = checkedFile.File!;
                    var replacement = await batch.AddFileAsync(file, cancellationToken).ConfigureAwait(false);
                    if (replacement.ReplacesEarlierImport)
                    {
                        replaced.Add(new ReplacedFile(file.ForceSlug, file.Month, KindName(file.Kind), replacement.EarlierImportIdentical));
                    }
                }

                checkedFiles.Add(checkedFile with { File = null });
            }

            if (issues.Count > 0)
            {
                throw new CsaImportException(issues);
            }

            tally.Committing();
            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var street = checkedFiles.Where(f => f.Kind == PoliceUkFileKind.Street).ToArray();
        return new PoliceUkImportResult(
            street.Length,
            checkedFiles.Count - street.Length,
            street.Sum(f => f.Statistics.Crimes),
            street.Sum(f => f.Statistics.AntiSocialBehaviour),
            street.Sum(f => f.Statistics.NoLocation),
            checkedFiles.Where(f => f.Kind == PoliceUkFileKind.Outcomes).Sum(f => f.Statistics.Rows),
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

    /// <summary>Reads, checksums and validates one file, keeping its valid records as columns for the store.</summary>
    static async Task<CheckedFile> CheckFileAsync(PoliceUkSource source, Tally tally, CancellationToken cancellationToken)
    {
        var kind = source.Name.Kind;
        byte[] bytes;
        SourceFile sourceFile;
        try
        {
            (bytes, sourceFile) = await TextFile.ReadAsync(source.Open, source.DisplayName, cancellationToken, source.Length).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArchiveEntryException or InvalidDataException)
        {
            tally.Checked(source, 0);
            return new CheckedFile(kind, null, new StreetFileStatistics(0, 0, 0, 0), [new ImportIssue(source.DisplayName, 0, e.Message)]);
        }

        var issues = new List<ImportIssue>();
        var text = TextFile.Decode(bytes, source.DisplayName, issues);
        var statistics = new StreetFileStatistics(0, 0, 0, 0);
        StreetRecordColumns? street = null;
        OutcomeRecordColumns? outcomes = null;
        if (text is not null && kind == PoliceUkFileKind.Street)
        {
            street = new StreetRecordColumns();
            statistics = StreetFileReader.Read(text, source.DisplayName, source.Name.Month, street.Add, issues);
            if (statistics.Rows == 0 && issues.Count == 0)
            {
                // Held, it would be a month of zero crime; a force's month always has records: the file is broken or cut short.
                issues.Add(new ImportIssue(source.DisplayName, 1, "the street file has a header and no rows: csa refuses it rather than hold a month of no crime (leave it out, and the month stays a gap that every figure states)"));
            }
        }
        else if (text is not null)
        {
            outcomes = new OutcomeRecordColumns();
            statistics = new StreetFileStatistics(OutcomesFileReader.Read(text, source.DisplayName, source.Name.Month, outcomes.Add, issues), 0, 0, 0);
        }

        var file = issues.Count == 0
            ? new ValidatedPoliceUkFile(kind, source.Name.ForceSlug, source.Name.Month, sourceFile, street, outcomes)
            : null;
        tally.Checked(source, statistics.Rows);
        return new CheckedFile(kind, file, statistics, issues);
    }

    /// <summary>One file as read: its records for the store when it is valid (dropped once written), what it counted, its problems.</summary>
    sealed record CheckedFile(PoliceUkFileKind Kind, ValidatedPoliceUkFile? File, StreetFileStatistics Statistics, IReadOnlyList<ImportIssue> Issues);

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

        public void Committing()
        {
            lock (_lock)
            {
                progress?.Report(new ImportProgress("committing", _filesDone, filesTotal, _rows, _bytesDone, bytesTotal, "the store", _clock.Elapsed));
            }
        }
    }
}
