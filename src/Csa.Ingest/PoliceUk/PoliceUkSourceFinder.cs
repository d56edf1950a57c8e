using System.IO.Compression;
using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Ingest.Archives;
using Csa.Ingest.Internal;

namespace Csa.Ingest.PoliceUk;

/// <summary>Finds data.police.uk files under the paths a user gives: monthly files, folders laid out as
/// data.police.uk's downloads (searched recursively), and zip archives (also inside such folders).</summary>
public static class PoliceUkSourceFinder
{
    /// <summary>Finds every data.police.uk file under <paramref name="paths"/>; zip entries are held to <paramref name="limits"/>.</summary>
    /// <returns>The files found; the problems (a missing path, a zip or folder with no street file); and how many files were passed over because their names are not data.police.uk's.</returns>
    public static (IReadOnlyList<PoliceUkSource> Sources, IReadOnlyList<ImportIssue> Issues, int Ignored) Find(IEnumerable<string> paths, ArchiveLimits limits)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(limits);
        var sources = new List<PoliceUkSource>();
        var issues = new List<ImportIssue>();
        var ignored = 0;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<PoliceUkSource>();
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    {
                        ignored += AddZip(file, limits, found, issues);
                    }
                    else if (!TryAddFile(file, found))
                    {
                        ignored++;
                    }
                }

                RequireStreetFile(path, "folder", found, issues);
                sources.AddRange(found);
            }
            else if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                ignored += AddZip(path, limits, sources, issues);
            }
            else if (File.Exists(path))
            {
                if (!TryAddFile(path, sources))
                {
                    issues.Add(new ImportIssue(path, 0, "not a data.police.uk file name: expected YYYY-MM-<force>-street.csv (or -outcomes.csv, -stop-and-search.csv)"));
                }
            }
            else
            {
                issues.Add(new ImportIssue(path, 0, "no such file or folder"));
            }
        }

        return (sources, issues, ignored);
    }

    static bool TryAddFile(string file, List<PoliceUkSource> sources)
    {
        if (!PoliceUkFileName.TryParse(Path.GetFileName(file), out var name))
        {
            return false;
        }

        sources.Add(new PoliceUkSource(file, name!, new FileInfo(file).Length, () => File.OpenRead(file), file));
        return true;
    }

    static int AddZip(string zipPath, ArchiveLimits limits, List<PoliceUkSource> sources, List<ImportIssue> issues)
    {
        var found = new List<PoliceUkSource>();
        var ignored = 0;
        var problems = issues.Count;
        long toRead = 0;
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                if (!PoliceUkFileName.TryParse(entry.Name, out var name))
                {
                    ignored++;
                    continue;
                }

                var entryName = entry.FullName;
                if (name!.Kind != PoliceUkFileKind.StopAndSearch)
                {
                    // Stop-and-search files are passed over unread; everything read is held to the limits first.
                    if (ZipEntryGuard.Refusal(entry, limits) is { } refusal)
                    {
                        issues.Add(new ImportIssue($"{zipPath}!{entryName}", 0, refusal));
                    }

                    toRead += entry.Length;
                }

                found.Add(new PoliceUkSource($"{zipPath}!{entryName}", name!, entry.Length, () => OpenEntry(zipPath, entryName), null));
            }
        }
        catch (InvalidDataException e)
        {
            issues.Add(new ImportIssue(zipPath, 0, $"not a readable zip archive ({e.Message})"));
            return ignored;
        }

        if (toRead > limits.MaxArchiveBytes)
        {
            issues.Add(new ImportIssue(zipPath, 0, $"the archive's files declare {ByteSize.Format(toRead)} uncompressed, over the limit of {ByteSize.Format(limits.MaxArchiveBytes)} for one archive (--max-archive-size)"));
        }

        if (issues.Count > problems)
        {
            return ignored;
        }

        RequireStreetFile(zipPath, "zip", found, issues);
        sources.AddRange(found);
        return ignored;
    }

    static void RequireStreetFile(string path, string what, List<PoliceUkSource> found, List<ImportIssue> issues)
    {
        if (!found.Any(s => s.Name.Kind == PoliceUkFileKind.Street))
        {
            issues.Add(new ImportIssue(path, 0, $"the {what} holds no data.police.uk street file (YYYY-MM/YYYY-MM-<force>-street.csv)"));
        }
    }

    /// <summary>Opens a zip entry; the archive is closed with the returned stream.</summary>
    static OwningStream OpenEntry(string zipPath, string entryName)
    {
        var archive = ZipFile.OpenRead(zipPath);
        try
        {
            var entry = archive.GetEntry(entryName) ?? throw new FileNotFoundException($"{entryName} is no longer in {zipPath}.");
            return new OwningStream(ZipEntryGuard.Open(entry), archive);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }
}
