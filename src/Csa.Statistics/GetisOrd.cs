using MathNet.Numerics.Distributions;

namespace Csa.Statistics;

/// <summary>Getis-Ord Gi* local statistic (Getis and Ord 1992; Ord and Getis 1995), as <c>spdep::localG</c> with
/// <c>include.self</c> and binary weights computes it, and as sfhotspot and ArcGIS's Hot Spot Analysis use it.</summary>
/// <remarks>
/// <c>G*ᵢ = (Σⱼ wᵢⱼxⱼ − X̄ Σⱼ wᵢⱼ) / (S √((n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1)))</c> with X̄ = Σx/n and S = √(Σx²/n − X̄²);
/// a place's neighbourhood is itself and its neighbours, each weighing 1. The value is a z-score:
/// <c>p = 2Φ(−|z|)</c>. Checked against METHODS.md 1.7. A place whose neighbourhood is every place, or a set of
/// equal values, has no statistic (null).
/// </remarks>
public static class GetisOrd
{
    /// <summary>Gi* for every place.</summary>
    /// <param name="values">The value of each place (a count or a rate).</param>
    /// <param name="neighbours">For each place, the indexes of its neighbours (itself not included: Gi* adds it).</param>
    /// <param name="falseDiscoveryRate">Whether to adjust the p values for the number of places tested (Benjamini–Hochberg), as ArcGIS's FDR option does.</param>
    /// <exception cref="ArgumentException">The lists differ in length, a neighbour index is out of range, or there are fewer than 3 places.</exception>
    public static IReadOnlyList<LocalG> Compute(IReadOnlyList<double> values, IReadOnlyList<IReadOnlyCollection<int>> neighbours, bool falseDiscoveryRate = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(neighbours);
        var n = values.Count;
        if (neighbours.Count != n)
        {
            throw new ArgumentException($"{n} values but {neighbours.Count} neighbour lists.", nameof(neighbours));
        }

        if (n < 3)
        {
            throw new ArgumentException("Gi* needs at least 3 places.", nameof(values));
        }

        var mean = values.Average();
        var s = Math.Sqrt((values.Sum(x => x * x) / n) - (mean * mean));
        var z = new double?[n];
        for (var i = 0; i < n; i++)
        {
            var members = new HashSet<int>(neighbours[i]) { i };
            if (members.Any(j => j < 0 || j >= n))
            {
                throw new ArgumentException($"Place {i} has a neighbour outside 0..{n - 1}.", nameof(neighbours));
            }

            double w = members.Count;
            var denominator = s * Math.Sqrt(((n * w) - (w * w)) / (n - 1));
            z[i] = denominator > 0 ? (members.Sum(j => values[j]) - (mean * w)) / denominator : null;
        }

        var p = z.Select(v => v is { } value ? 2 * Normal.CDF(0, 1, -Math.Abs(value)) : (double?)null).ToArray();
        var adjusted = falseDiscoveryRate ? BenjaminiHochberg(p) : p;
        return [.. z.Select((v, i) => new LocalG(v, p[i], adjusted[i], LocalG.Classify(v, adjusted[i])))];
    }

    /// <summary>Benjamini–Hochberg adjusted p values (R's <c>p.adjust(method = "BH")</c>); nulls stay null and are not counted.</summary>
    public static double?[] BenjaminiHochberg(IReadOnlyList<double?> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var tested = pValues.Select((p, i) => (p, i)).Where(x => x.p is not null).OrderByDescending(x => x.p).ToArray();
        var adjusted = new double?[pValues.Count];
        var running = 1.0;
        for (var k = 0; k < tested.Length; k++)
        {
            var rank = tested.Length - k;
            running = Math.Min(running, tested[k].p!.Value * tested.Length / rank);
            adjusted[tested[k].i] = running;
        }

        return adjusted;
    }
}

/// <summary>One place's Gi*: its z-score, two-sided p value, the p value used for the verdict (adjusted or not),
/// and the hot or cold spot class at 99%, 95% or 90% confidence.</summary>
public sealed record LocalG(double? Z, double? PValue, double? DecisionPValue, HotspotClass Class)
{
    /// <summary>The class of a z-score and p value: hot when z &gt; 0, cold when z &lt; 0, at the highest confidence its p value reaches.</summary>
    public static HotspotClass Classify(double? z, double? p) => (z, p) switch
    {
        (null, _) or (_, null) => HotspotClass.NotSignificant,
        ( > 0, < 0.01) => HotspotClass.Hot99,
        ( > 0, < 0.05) => HotspotClass.Hot95,
        ( > 0, < 0.10) => HotspotClass.Hot90,
        ( < 0, < 0.01) => HotspotClass.Cold99,
        ( < 0, < 0.05) => HotspotClass.Cold95,
        ( < 0, < 0.10) => HotspotClass.Cold90,
        _ => HotspotClass.NotSignificant,
    };
}

/// <summary>ArcGIS's Gi* bins: hot or cold spot with 99, 95 or 90 per cent confidence, or not significant.</summary>
public enum HotspotClass
{
    /// <summary>Not significant at 90%.</summary>
    NotSignificant = 0,

    /// <summary>Hot spot, 90% confidence.</summary>
    Hot90 = 1,

    /// <summary>Hot spot, 95% confidence.</summary>
    Hot95 = 2,

    /// <summary>Hot spot, 99% confidence.</summary>
    Hot99 = 3,

    /// <summary>Cold spot, 90% confidence.</summary>
    Cold90 = -1,

    /// <summary>Cold spot, 95% confidence.</summary>
    Cold95 = -2,

    /// <summary>Cold spot, 99% confidence.</summary>
    Cold99 = -3,
}
