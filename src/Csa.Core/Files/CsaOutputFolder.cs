namespace Csa.Core.Files;

/// <summary>The rule for folders csa writes into (<c>--out</c>): csa writes only its own files, into a folder it created
/// or an empty one, and never deletes or replaces a file it did not write.</summary>
/// <remarks>A folder csa writes is marked with a <see cref="MarkerName"/> file. Writing again into a marked folder may
/// replace the files csa writes there (named by the caller); any other entry makes csa refuse, naming it.</remarks>
public static class CsaOutputFolder
{
    /// <summary>The marker file csa leaves in a folder it wrote.</summary>
    public const string MarkerName = ".csa-output";

    /// <summary>Checks that csa may write <paramref name="ownNames"/> into <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="ownNames">The file and folder names csa writes directly inside it.</param>
    /// <param name="ownInside">Whether a file inside one of those folders (by its path relative to <paramref name="folder"/>)
    /// is one csa writes there; when null, csa's own folders hold nothing else.</param>
    /// <exception cref="IOException">The folder is not empty and not csa's, or holds something csa did not write, at any depth.</exception>
    public static void CheckWritable(string folder, IReadOnlyCollection<string> ownNames, Func<string, bool>? ownInside = null)
    {
        ArgumentNullException.ThrowIfNull(ownNames);
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new IOException($"--out {folder}: a file of that name exists; csa writes a folder there and never replaces a file it did not write. Choose another --out.");
        }

        if (!Directory.Exists(full))
        {
            return;
        }

        var entries = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).OfType<string>().ToArray();
        if (entries.Length == 0)
        {
            return;
        }

        if (!entries.Contains(MarkerName, StringComparer.Ordinal))
        {
            throw new IOException(
                $"--out {folder}: the folder holds files csa did not write ({Describe(entries)}); csa writes only into a new or empty folder, or one it wrote before. Choose another --out.");
        }

        // A folder csa replaces is deleted whole: so what lies inside its own sub-folders must be csa's too.
        var nested = entries.Where(e => ownNames.Contains(e, StringComparer.Ordinal) && Directory.Exists(Path.Combine(full, e)))
            .SelectMany(e => Directory.EnumerateFileSystemEntries(Path.Combine(full, e), "*", SearchOption.AllDirectories))
            .Where(path => Directory.Exists(path) || !(ownInside?.Invoke(Path.GetRelativePath(full, path)) ?? false))
            .Select(path => Path.GetRelativePath(full, path));
        var foreign = entries.Where(e => e != MarkerName && !ownNames.Contains(e, StringComparer.Ordinal)).Concat(nested).ToArray();
        if (foreign.Length > 0)
        {
            throw new IOException(
                $"--out {folder}: besides csa's own output the folder holds {Describe(foreign)}, which csa did not write and will not replace. Move them, or choose another --out.");
        }
    }

    /// <summary>Creates <paramref name="folder"/> if needed and marks it as csa's.</summary>
    public static void Mark(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, MarkerName), "Written by csa. csa replaces only its own files in this folder.\n");
    }

    static string Describe(string[] names) =>
        string.Join(", ", names.Order(StringComparer.Ordinal).Take(5)) + (names.Length > 5 ? $" and {names.Length - 5} more" : string.Empty);
}
