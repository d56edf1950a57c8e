using MathNet.Numerics.Distributions;

namespace Csa.Statistics;

/// <summary>Confidence intervals for a Poisson count, as OHID's PHEindicatormethods (<c>phe_rate</c>) computes them.</summary>
/// <remarks>
/// Byar's method (Breslow and Day 1987) for 10 or more events; the exact interval from the chi-squared
/// distribution (Armitage and Berry 2002) below 10. Checked against the reference values of METHODS.md 1.1
/// to 1e-6. Pure functions: thread safe.
/// </remarks>
public static class PoissonInterval
{
    /// <summary>Counts from which Byar's method is used (PHEindicatormethods' rule).</summary>
    public const long ByarsFrom = 10;

    /// <summary>The interval for a count by PHEindicatormethods' rule: Byar's from 10, exact below.</summary>
    /// <param name="count">The count, 0 or more.</param>
    /// <param name="confidence">The confidence level, from 0.9 to 1 (0.95 and 0.998 are usual).</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or a confidence outside 0.9–1.</exception>
    public static ConfidenceInterval ForCount(long count, double confidence = 0.95) =>
        count >= ByarsFrom ? Byars(count, confidence) : Exact(count, confidence);

    /// <summary>Byar's approximation.</summary>
    public static ConfidenceInterval Byars(long count, double confidence = 0.95)
    {
        Check(count, confidence);
        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var x = (double)count;
        var lower = x * Math.Pow(1 - (1 / (9 * x)) - (z / (3 * Math.Sqrt(x))), 3);
        var upper = (x + 1) * Math.Pow(1 - (1 / (9 * (x + 1))) + (z / (3 * Math.Sqrt(x + 1))), 3);
        return new ConfidenceInterval(count == 0 ? 0 : lower, upper, confidence, "Byars");
    }

    /// <summary>The exact interval: <c>qchisq(α/2, 2x)/2</c> to <c>qchisq(1−α/2, 2x+2)/2</c>.</summary>
    public static ConfidenceInterval Exact(long count, double confidence = 0.95)
    {
        Check(count, confidence);
        var alpha = 1 - confidence;
        var lower = count == 0 ? 0 : ChiSquared.InvCDF(2 * count, alpha / 2) / 2;
        var upper = ChiSquared.InvCDF((2 * count) + 2, 1 - (alpha / 2)) / 2;
        return new ConfidenceInterval(lower, upper, confidence, "Exact");
    }

    static void Check(long count, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(confidence, 0.9);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(confidence, 1.0);
    }
}
