using MathNet.Numerics.Distributions;

namespace Csa.Statistics;

/// <summary>The exact conditional test of two Poisson counts (Przyborowski–Wilenski; statsmodels' <c>exact-cond</c>).</summary>
/// <remarks>
/// <para>Given the total n = later + earlier and the exposures (period lengths, times populations when known),
/// the later count is Binomial(n, e₁/(e₁+e₂)) under "no change in the rate". The two-sided p-value is the sum of
/// the binomial probabilities no greater than that of the observed count (the minimum-likelihood rule). The rate
/// ratio's interval comes from the Clopper–Pearson interval of the binomial proportion. Checked against METHODS.md 1.3.</para>
/// <para>Police recorded crime is a full count: ONS attaches no sampling error to it. A verdict here treats the
/// counts as a Poisson process: an analytical convention, to be said beside every verdict shown.</para>
/// </remarks>
public static class PoissonComparison
{
    /// <summary>Below this many crimes in either period a change carries "small numbers: compare with caution".</summary>
    public const long SmallNumberThreshold = 10;

    /// <summary>The note every output that shows a verdict carries.</summary>
    public const string PoissonNote =
        "Significance treats the counts as a Poisson process (exact conditional test, two-sided, 95%). ONS treats police recorded crime as a full count with no sampling error: a verdict says whether a change is larger than chance variation in such a process would give, not whether the count is uncertain.";

    /// <summary>Compares a later count with an earlier one.</summary>
    /// <param name="earlier">The earlier count.</param>
    /// <param name="later">The later count.</param>
    /// <param name="earlierExposure">The earlier period's exposure (months, or months × population).</param>
    /// <param name="laterExposure">The later period's exposure.</param>
    /// <param name="confidence">The confidence level of the verdict and the rate ratio's interval.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or an exposure of 0 or less.</exception>
    public static ChangeTest Test(long earlier, long later, double earlierExposure = 1, double laterExposure = 1, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(earlier);
        ArgumentOutOfRangeException.ThrowIfNegative(later);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(earlierExposure);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(laterExposure);
        var n = checked((int)(earlier + later));
        var share = laterExposure / (earlierExposure + laterExposure);
        var p = n == 0 ? 1.0 : TwoSidedP(n, share, (int)later);
        var ratio = earlier == 0 ? double.PositiveInfinity : later / laterExposure / (earlier / earlierExposure);
        var interval = RateRatioInterval(earlier, later, earlierExposure, laterExposure, confidence);
        var alpha = 1 - confidence;
        var verdict = p >= alpha
            ? ChangeVerdict.NoSignificantChange
            : later / laterExposure > earlier / earlierExposure ? ChangeVerdict.SignificantIncrease : ChangeVerdict.SignificantDecrease;
        return new ChangeTest(earlier, later, p, ratio, interval, verdict, Math.Min(earlier, later) < SmallNumberThreshold);
    }

    static double TwoSidedP(int n, double share, int observed)
    {
        var observedPmf = Binomial.PMF(share, n, observed);
        var tolerance = observedPmf * (1 + 1e-7);
        var p = 0.0;
        for (var k = 0; k <= n; k++)
        {
            var pmf = Binomial.PMF(share, n, k);
            if (pmf <= tolerance)
            {
                p += pmf;
            }
        }

        return Math.Min(1, p);
    }

    /// <summary>Clopper–Pearson interval of the later share, turned into a rate ratio (later ÷ earlier rate).</summary>
    static ConfidenceInterval RateRatioInterval(long earlier, long later, double earlierExposure, double laterExposure, double confidence)
    {
        var n = earlier + later;
        var alpha = 1 - confidence;
        if (n == 0)
        {
            return new ConfidenceInterval(0, double.PositiveInfinity, confidence, "Exact conditional");
        }

        var lowerShare = later == 0 ? 0 : Beta.InvCDF(later, n - later + 1, alpha / 2);
        var upperShare = later == n ? 1 : Beta.InvCDF(later + 1, n - later, 1 - (alpha / 2));
        double Ratio(double share) => share >= 1 ? double.PositiveInfinity : share / (1 - share) * (earlierExposure / laterExposure);
        return new ConfidenceInterval(Ratio(lowerShare), Ratio(upperShare), confidence, "Exact conditional");
    }
}

/// <summary>The result of comparing two counts.</summary>
/// <param name="Earlier">The earlier count.</param>
/// <param name="Later">The later count.</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="RateRatio">Later rate ÷ earlier rate (infinite when the earlier count is 0).</param>
/// <param name="RateRatioInterval">The rate ratio's confidence interval.</param>
/// <param name="Verdict">Significant increase, significant decrease, or no significant change.</param>
/// <param name="SmallNumbers">Whether either count is under <see cref="PoissonComparison.SmallNumberThreshold"/>: compare with caution.</param>
public sealed record ChangeTest(long Earlier, long Later, double PValue, double RateRatio, ConfidenceInterval RateRatioInterval, ChangeVerdict Verdict, bool SmallNumbers)
{
    /// <summary>The verdict in words, with the small-number caution where it applies.</summary>
    public string Describe()
    {
        var words = Verdict switch
        {
            ChangeVerdict.SignificantIncrease => "significant increase",
            ChangeVerdict.SignificantDecrease => "significant decrease",
            _ => "no significant change",
        };
        return SmallNumbers ? words + "; small numbers: compare with caution" : words;
    }
}
