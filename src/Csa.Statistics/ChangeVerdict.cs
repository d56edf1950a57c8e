namespace Csa.Statistics;

/// <summary>What a change between two periods amounts to, statistically.</summary>
public enum ChangeVerdict
{
    /// <summary>No significant change at the level used.</summary>
    NoSignificantChange,

    /// <summary>A significant increase.</summary>
    SignificantIncrease,

    /// <summary>A significant decrease.</summary>
    SignificantDecrease,
}
