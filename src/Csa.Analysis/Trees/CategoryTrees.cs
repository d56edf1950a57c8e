using Csa.Core;
using Csa.Core.Classification;
using Csa.Core.PoliceUk;

namespace Csa.Analysis.Trees;

/// <summary>Loads category trees: the built-in ones by name, or a user's file (a copy of one, edited).</summary>
/// <remarks>
/// A tree file is JSON: <c>name</c>, <c>description</c>, <c>limits</c>, and <c>rows</c>, each with a
/// <c>label</c>, a <c>level</c>, and what it counts: <c>all</c>, <c>groups</c> and <c>subgroups</c> (ONS
/// names), <c>codes</c> (Home Office offence codes), less <c>exceptCodes</c>; optionally a <c>marker</c>;
/// and <c>policeUkTypes</c> for data.police.uk street data. Every name is checked against csa's offence
/// classification, so a misspelt group is an error naming the row, never an empty row.
/// </remarks>
public static class CategoryTrees
{
    /// <summary>The built-in trees.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = ["seed", "ons", "police-uk"];


    /// <summary>The text of a built-in tree's file, to copy and edit.</summary>
    /// <exception cref="CsaQueryException">No built-in tree has that name.</exception>
    public static string BuiltInText(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = typeof(CategoryTrees).Assembly.GetManifestResourceStream($"Csa.Analysis.Trees.{name}.json")
            ?? throw new CsaQueryException($"No built-in tree is named '{name}': the built-in trees are {string.Join(", ", BuiltIn)}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads a built-in tree by name, or a tree file by path.</summary>
    /// <exception cref="CsaQueryException">No such tree, or the file is not a valid tree (the message names the row and key).</exception>
    public static CategoryTree Load(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        var isBuiltIn = BuiltIn.Contains(nameOrPath, StringComparer.Ordinal);
        if (!isBuiltIn && !File.Exists(nameOrPath))
        {
            throw new CsaQueryException($"No tree '{nameOrPath}': give a built-in tree ({string.Join(", ", BuiltIn)}) or the path of a tree file.");
        }

        var text = isBuiltIn ? BuiltInText(nameOrPath) : File.ReadAllText(nameOrPath);
        return Parse(text, isBuiltIn ? $"built-in tree {nameOrPath}" : nameOrPath);
    }

    /// <summary>Parses and checks a tree file's text.</summary>
    /// <exception cref="CsaQueryException">The text is not a valid tree.</exception>
    public static CategoryTree Parse(string text, string source)
    {
        var file = TreeFileReader.Read(text, source);
        if (string.IsNullOrWhiteSpace(file.Name) || file.Rows is not { Count: > 0 })
        {
            throw new CsaQueryException($"{source}: a tree needs a name and at least one row.");
        }

        var rows = file.Rows.Select((row, i) => Resolve(row, i + 1, source)).ToArray();
        return new CategoryTree(file.Name, file.Description ?? string.Empty, file.Limits ?? [], rows);
    }

    static TreeRow Resolve(TreeRowFile row, int number, string source)
    {
        var where = $"{source}: row {number} ('{row.Label}')";
        if (string.IsNullOrWhiteSpace(row.Label))
        {
            throw new CsaQueryException($"{source}: row {number} has no label.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (row.All)
        {
            codes.UnionWith(OffenceCodes.All.Select(c => c.Code));
        }

        foreach (var group in row.Groups ?? [])
        {
            var found = OffenceCodes.All.Where(c => c.Group == group).Select(c => c.Code).ToArray();
            codes.UnionWith(found.Length > 0 ? found : throw new CsaQueryException($"{where}: groups: '{group}' is not an ONS offence group csa knows."));
        }

        foreach (var subgroup in row.Subgroups ?? [])
        {
            var found = OffenceCodes.All.Where(c => c.Subgroup == subgroup).Select(c => c.Code).ToArray();
            codes.UnionWith(found.Length > 0 ? found : throw new CsaQueryException($"{where}: subgroups: '{subgroup}' is not an ONS offence subgroup csa knows."));
        }

        codes.UnionWith((row.Codes ?? []).Select(code => Known(code, where, "codes")));
        codes.ExceptWith((row.ExceptCodes ?? []).Select(code => Known(code, where, "exceptCodes")));

        if (row.Marker is not null && !Markers.IsKnown(row.Marker))
        {
            throw new CsaQueryException($"{where}: marker: '{row.Marker}' is not a marker csa knows ({string.Join(", ", Markers.All.Keys)}).");
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in row.PoliceUkTypes ?? [])
        {
            types.Add(PoliceUkCrimeTypes.Crimes.Contains(type) ? type : throw new CsaQueryException($"{where}: policeUkTypes: '{type}' is not a data.police.uk crime type."));
            codes.UnionWith(OffenceCodes.All.Where(c => c.PoliceUkType == type).Select(c => c.Code));
        }

        if (codes.Count == 0 && types.Count == 0)
        {
            throw new CsaQueryException($"{where}: the row counts nothing: give all, groups, subgroups, codes or policeUkTypes.");
        }

        return new TreeRow(row.Label, row.Level, codes, row.Marker, types);
    }

    static string Known(string code, string where, string key) =>
        OffenceCodes.TryFind(code, out var offence)
            ? offence.Code
            : throw new CsaQueryException($"{where}: {key}: '{code}' is not a Home Office offence code csa knows ({OffenceCodes.Edition}).");
}
