using System.Diagnostics;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Ingest.Internal;
using Csa.Storage;

namespace Csa.Ingest.PoliceUk;

/// <summary>Imports data.police.uk files into a store, all or nothing.</summary>
/// <remarks>
/// Every file is read and validated inside one store transaction. If any file has a problem, the
/// transaction is rolled back and <see cref="CsaImportException"/> lists every problem; the store is as
/// it was. Each file replaces what the store held for its force, month and kind, so importing the same
/// files twice changes no count.
/// </remarks>
public sealed class PoliceUkImporter(ICsaStore store)
{
    const int ProgressEveryRows = 50_000;

    /// <summary>Imports every data.police.uk file under <paramref name="paths"/>.</summary>
    /// <exception cref="CsaImportException">A path or file has a problem; nothing was imported.</exception>
    public async Task<PoliceUkImportResult> ImportAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var (sources, findIssues, ignored) = PoliceUkSourceFinder.Find(paths);
        var issues = new List<ImportIssue>(findIssues);
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

        var batch = await store.BeginPoliceUkImportAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var source in toRead)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await ImportFileAsync(batch, source, issues, tally, cancellationToken).ConfigureAwait(false);
            }

            if (issues.Count > 0)
            {
                throw new CsaImportException(issues);
            }

            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new PoliceUkImportResult(
            toRead.Count(s => s.Name.Kind == PoliceUkFileKind.Street),
            toRead.Count(s => s.Name.Kind == PoliceUkFileKind.Outcomes),
            tally.Crimes,
            tally.AntiSocialBehaviour,
            tally.NoLocation,
            tally.Outcomes,
            tally.Replaced,
            sources.Count(s => s.Name.Kind == PoliceUkFileKind.StopAndSearch),
            ignored);
    }

    /// <summary>The same (force, month, kind) given twice would make the result depend on file order: refuse it.</summary>
    static IEnumerable<ImportIssue> FindRepeats(IReadOnlyList<PoliceUkSource> sources) =>
        sources
            .Where(s => s.Name.Kind != PoliceUkFileKind.StopAndSearch)
            .GroupBy(s => s.Name)
            .Where(g => g.Count() > 1)
            .Select(g => new ImportIssue(
                g.Skip(1).First().DisplayName,
                0,
                $"{g.Key.ForceSlug} {g.Key.Kind.ToString().ToLowerInvariant()} for {g.Key.Month} is also given as {g.First().DisplayName}: import one of them"));

    static async Task ImportFileAsync(IPoliceUkImportBatch batch, PoliceUkSource source, List<ImportIssue> issues, Tally tally, CancellationToken cancellationToken)
    {
        tally.StartFile(source);
        var (bytes, sourceFile) = await TextFile.ReadAsync(source.Open, source.DisplayName, cancellationToken).ConfigureAwait(false);
        var text = TextFile.Decode(bytes, source.DisplayName, issues);
        if (text is null)
        {
            tally.EndFile(source);
            return;
        }

        var name = source.Name;
        var kind = name.Kind == PoliceUkFileKind.Street ? "street" : "outcomes";
        if (name.Kind == PoliceUkFileKind.Street)
        {
            var writer = await batch.ReplaceStreetMonthAsync(name.ForceSlug, name.Month, sourceFile, cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                StreetFileReader.Read(text, source.DisplayName, name.Month, record =>
                {
                    tally.Row();
                    if (issues.Count == 0)
                    {
                        writer.Write(record);
                        tally.Street(record);
                    }
                }, issues);
                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                tally.Replacing(name, kind, writer.ReplacesEarlierImport, writer.EarlierImportIdentical);
            }
        }
        else
        {
            var writer = await batch.ReplaceOutcomesMonthAsync(name.ForceSlug, name.Month, sourceFile, cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                OutcomesFileReader.Read(text, source.DisplayName, name.Month, record =>
                {
                    tally.Row();
                    if (issues.Count == 0)
                    {
                        writer.Write(record);
                        tally.Outcomes++;
                    }
                }, issues);
                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                tally.Replacing(name, kind, writer.ReplacesEarlierImport, writer.EarlierImportIdentical);
            }
        }

        tally.EndFile(source);
    }

    /// <summary>Counts and progress of one import.</summary>
    sealed class Tally(int filesTotal, long bytesTotal, IProgress<ImportProgress>? progress)
    {
        readonly Stopwatch _clock = Stopwatch.StartNew();
        readonly List<ReplacedFile> _replaced = [];
        int _filesDone;
        long _bytesDone;
        long _rows;
        string _current = string.Empty;

        public long Crimes { get; private set; }

        public long AntiSocialBehaviour { get; private set; }

        public long NoLocation { get; private set; }

        public long Outcomes { get; set; }

        public IReadOnlyList<ReplacedFile> Replaced => _replaced;

        public void StartFile(PoliceUkSource source)
        {
            _current = source.DisplayName;
            Report();
        }

        public void Row()
        {
            _rows++;
            if (_rows % ProgressEveryRows == 0)
            {
                Report();
            }
        }

        public void Street(in StreetRecord record)
        {
            if (PoliceUkCrimeTypes.IsAntiSocialBehaviour(record.CrimeType))
            {
                AntiSocialBehaviour++;
            }
            else
            {
                Crimes++;
            }

            if (record.Longitude is null)
            {
                NoLocation++;
            }
        }

        public void Replacing(PoliceUkFileName name, string kind, bool replaced, bool identical)
        {
            if (replaced)
            {
                _replaced.Add(new ReplacedFile(name.ForceSlug, name.Month, kind, identical));
            }
        }

        public void EndFile(PoliceUkSource source)
        {
            _filesDone++;
            _bytesDone += source.Length;
            Report();
        }

        void Report() =>
            progress?.Report(new ImportProgress(_filesDone, filesTotal, _rows, _bytesDone, bytesTotal, _current, _clock.Elapsed));
    }
}
