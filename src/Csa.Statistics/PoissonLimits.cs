using MathNet.Numerics.Distributions;

namespace Csa.Statistics;

/// <summary>Whether an observed count lies above or below what an expected Poisson count allows.</summary>
/// <remarks>For a rate against a group average (METHODS.md 1.4): E = group rate × the area's population; the
/// count O is significantly high when P(X ≥ O | E) &lt; α/2 and low when P(X ≤ O | E) &lt; α/2, with the exact
/// Poisson distribution.</remarks>
public static class PoissonLimits
{
    /// <summary>−1 when significantly below, +1 when above, 0 otherwise, at two-sided level 1 − <paramref name="confidence"/>.</summary>
    public static int Compare(long observed, double expected, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expected);
        var alpha = 1 - confidence;
        var upperTail = observed == 0 ? 1 : 1 - Poisson.CDF(expected, observed - 1);
        var lowerTail = Poisson.CDF(expected, observed);
        return upperTail < alpha / 2 ? 1 : lowerTail < alpha / 2 ? -1 : 0;
    }

    /// <summary>The exact limits around <paramref name="expected"/>: the smallest and largest counts not significantly different from it.</summary>
    public static (long Lower, long Upper) Around(double expected, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expected);
        var alpha = 1 - confidence;
        long lower = 0;
        while (Poisson.CDF(expected, lower) < alpha / 2)
        {
            lower++;
        }

        var upper = lower;
        while (1 - Poisson.CDF(expected, upper) >= alpha / 2)
        {
            upper++;
        }

        return (lower, upper);
    }
}
