namespace Csa.Tests;

/// <summary>Table cells as the screen shows them: a formatted number (an apparent change, a p-value) as its text.</summary>
public static class Shown
{
    /// <summary>Each cell as shown: strings, whole numbers, fractions and nulls as they are, anything else as its text.</summary>
    public static object?[] Cells(IEnumerable<object?> cells) =>
        [.. cells.Select(cell => cell is null or string or long or double ? cell : cell.ToString())];

    /// <summary>One cell as shown.</summary>
    public static object? Cell(object? cell) => Cells([cell])[0];
}
