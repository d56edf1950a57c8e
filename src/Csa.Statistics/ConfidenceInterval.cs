namespace Csa.Statistics;

/// <summary>A confidence interval.</summary>
/// <param name="Lower">The lower limit.</param>
/// <param name="Upper">The upper limit.</param>
/// <param name="Confidence">The confidence level (0.95, 0.998).</param>
/// <param name="Method">How the limits were computed ("Byars", "Exact", "Exact conditional").</param>
public sealed record ConfidenceInterval(double Lower, double Upper, double Confidence, string Method)
{
    /// <summary>The interval with both limits multiplied by <paramref name="factor"/>.</summary>
    public ConfidenceInterval Scale(double factor) => this with { Lower = Lower * factor, Upper = Upper * factor };
}
