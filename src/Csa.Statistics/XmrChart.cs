namespace Csa.Statistics;

/// <summary>An XmR (individuals and moving range) process-control chart, as NHS England's "Making Data Count"
/// (NHSRplotthedots) draws it.</summary>
/// <remarks>
/// Limits are mean ± 2.66 × mean moving range; "near" limits two thirds of the way out. Special causes: a point
/// outside the limits; 7 points in a row on one side of the mean; 7 points rising or falling every time; 2 of 3
/// points beyond a near limit on the same side. Chosen over a c-chart (mean ± 3√mean) because monthly crime
/// counts vary more than a Poisson process: the XmR limits come from the data's own month-to-month variation.
/// Checked against METHODS.md 1.6.
/// </remarks>
public sealed record XmrChart(double Mean, double MeanMovingRange, double Lower, double Upper, double NearLower, double NearUpper, IReadOnlyList<string?> Signals)
{
    const double LimitFactor = 2.66;
    const int RunLength = 7;

    /// <summary>Computes the chart and flags the special causes of each point (null where none).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 points.</exception>
    public static XmrChart Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            throw new ArgumentException("An XmR chart needs at least 2 points.", nameof(values));
        }

        var mean = values.Average();
        var movingRange = values.Zip(values.Skip(1), (a, b) => Math.Abs(b - a)).Average();
        var width = LimitFactor * movingRange;
        var chart = new XmrChart(mean, movingRange, mean - width, mean + width, mean - (width * 2 / 3), mean + (width * 2 / 3), []);
        return chart with { Signals = chart.Flag(values) };
    }

    IReadOnlyList<string?> Flag(IReadOnlyList<double> values)
    {
        var signals = new List<string>?[values.Count];
        void Add(int i, string signal) => (signals[i] ??= []).Add(signal);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] > Upper || values[i] < Lower)
            {
                Add(i, values[i] > Upper ? "above the upper limit" : "below the lower limit");
            }

            if (i >= RunLength - 1)
            {
                var run = Enumerable.Range(i - RunLength + 1, RunLength).Select(j => values[j]).ToArray();
                if (run.All(v => v > Mean) || run.All(v => v < Mean))
                {
                    Add(i, $"{RunLength} in a row {(run[0] > Mean ? "above" : "below")} the mean");
                }

                var steps = run.Zip(run.Skip(1), (a, b) => Math.Sign(b - a)).ToArray();
                if (steps.All(s => s > 0) || steps.All(s => s < 0))
                {
                    Add(i, $"{RunLength} rising or falling in a row");
                }
            }

            if (i >= 2)
            {
                var three = new[] { values[i - 2], values[i - 1], values[i] };
                if (three.Count(v => v > NearUpper) >= 2 && values[i] > NearUpper)
                {
                    Add(i, "2 of 3 beyond the upper near limit");
                }
                else if (three.Count(v => v < NearLower) >= 2 && values[i] < NearLower)
                {
                    Add(i, "2 of 3 beyond the lower near limit");
                }
            }
        }

        return [.. signals.Select(s => s is null ? null : string.Join("; ", s))];
    }
}
