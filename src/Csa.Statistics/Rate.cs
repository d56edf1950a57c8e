namespace Csa.Statistics;

/// <summary>A rate (count ÷ population × multiplier) with its confidence interval.</summary>
/// <param name="Count">The count.</param>
/// <param name="Population">The population.</param>
/// <param name="Multiplier">Per how many (1,000 for community safety tables).</param>
/// <param name="Value">The rate.</param>
/// <param name="Interval">The rate's confidence interval.</param>
public sealed record Rate(long Count, double Population, double Multiplier, double Value, ConfidenceInterval Interval)
{
    /// <summary>The rate with its interval, as PHEindicatormethods' <c>phe_rate</c> computes it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or a population of 0 or less.</exception>
    public static Rate Of(long count, double population, double multiplier = 1000, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(population);
        var factor = multiplier / population;
        return new Rate(count, population, multiplier, count * factor, PoissonInterval.ForCount(count, confidence).Scale(factor));
    }
}
