namespace Csa.Analysis.Trees;

/// <summary>One row of a category tree, resolved to the offence codes (and marker, or data.police.uk types) it counts.</summary>
/// <param name="Label">The row's label, as the table shows it.</param>
/// <param name="Level">The row's depth (0 for the top), for indenting.</param>
/// <param name="Codes">The Home Office offence codes the row counts on a local extract; empty when it cannot be counted there.</param>
/// <param name="Marker">When set, only crimes with this marker count.</param>
/// <param name="PoliceUkTypes">The data.police.uk crime types the row counts on street data; empty when it cannot be counted there.</param>
public sealed record TreeRow(string Label, int Level, IReadOnlySet<string> Codes, string? Marker, IReadOnlySet<string> PoliceUkTypes)
{
    /// <summary>Whether the row can be counted from a local extract.</summary>
    public bool WorksOnExtract => Codes.Count > 0;

    /// <summary>Whether the row can be counted from data.police.uk street data.</summary>
    public bool WorksOnPoliceUk => PoliceUkTypes.Count > 0 && Marker is null;
}
