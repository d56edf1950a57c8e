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
}
