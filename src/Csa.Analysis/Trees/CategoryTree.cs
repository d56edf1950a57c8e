using Csa.Core;

namespace Csa.Analysis.Trees;

/// <summary>A named, ordered set of category rows: the rows of a comparison table.</summary>
/// <param name="Name">The tree's name (ons, seed, police-uk, or a user's own).</param>
/// <param name="Description">What the tree is.</param>
/// <param name="Limits">What it cannot show, or shows differently: printed under every table made with it.</param>
/// <param name="Rows">The rows, in order.</param>
public sealed record CategoryTree(string Name, string Description, IReadOnlyList<string> Limits, IReadOnlyList<TreeRow> Rows)
{
    /// <summary>The row labelled <paramref name="label"/> (first such row), ignoring case.</summary>
    public TreeRow? Find(string label) =>
        Rows.FirstOrDefault(r => string.Equals(r.Label, label, StringComparison.OrdinalIgnoreCase));

    /// <summary>The index of the row labelled <paramref name="label"/> (first such row), ignoring case.</summary>
    /// <exception cref="CsaQueryException">No row has that label; the message lists the rows.</exception>
    public int IndexOf(string label)
    {
        var index = Rows.ToList().FindIndex(r => string.Equals(r.Label, label, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new CsaQueryException($"'{label}' is not a row of the {Name} tree: its rows are {string.Join(", ", Rows.Select(r => r.Label).Distinct())}.");
    }

    /// <summary>The row labelled <paramref name="label"/> (first such row), ignoring case.</summary>
    /// <exception cref="CsaQueryException">No row has that label; the message lists the rows.</exception>
    public TreeRow Require(string label) => Rows[IndexOf(label)];
}
