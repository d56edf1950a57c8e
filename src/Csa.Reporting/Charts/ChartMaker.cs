using ScottPlot;

namespace Csa.Reporting.Charts;

/// <summary>Draws the report's charts with ScottPlot: titled, labelled axes, a source line, and a colour-blind-safe
/// palette (Wong's, ScottPlot's <c>ColorblindFriendly</c>), at a size that reads in print and on screen.</summary>
public static class ChartMaker
{
    const int Width = 900;
    const int Height = 420;

    static readonly ScottPlot.Palettes.ColorblindFriendly Palette = new();

    /// <summary>Monthly counts as a line, with a least-squares trend line: the seed's Figures 1 and 4.</summary>
    /// <param name="id">The figure's identifier.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="months">Month labels (YYYY-MM), in order.</param>
    /// <param name="counts">The counts; null where no data are held (a gap, drawn as a break).</param>
    /// <param name="yLabel">The y axis label.</param>
    /// <param name="source">The source line.</param>
    public static Chart MonthlyTrend(string id, string title, IReadOnlyList<string> months, IReadOnlyList<double?> counts, string yLabel, string source)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(counts);
        ScottPlot.Fonts.Default = "DejaVu Sans";
        var plot = new Plot();
        var xs = Enumerable.Range(0, months.Count).Select(i => (double)i).ToArray();
        var runs = Runs(counts);
        var first = true;
        foreach (var (start, end) in runs)
        {
            var line = plot.Add.ScatterLine(xs[start..(end + 1)], counts.Skip(start).Take(end - start + 1).Select(c => c!.Value).ToArray());
            line.Color = Palette.GetColor(0);
            line.LineWidth = 2;
            line.LegendText = first ? yLabel : string.Empty;
            first = false;
        }

        var held = xs.Where((_, i) => counts[i] is not null).ToArray();
        var values = counts.Where(c => c is not null).Select(c => c!.Value).ToArray();
        if (held.Length >= 2)
        {
            var (slope, intercept) = LeastSquares(held, values);
            var trend = plot.Add.ScatterLine(new[] { held[0], held[^1] }, new[] { intercept + (slope * held[0]), intercept + (slope * held[^1]) });
            trend.Color = Palette.GetColor(1);
            trend.LineWidth = 2;
            trend.LinePattern = LinePattern.Dashed;
            trend.LegendText = "Linear trend";
        }

        var step = Math.Max(1, months.Count / 12);
        var ticks = Enumerable.Range(0, months.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(i => (double)i)], [.. ticks.Select(i => months[i])]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        return Finish(plot, id, title, string.Empty, yLabel, source);
    }

    /// <summary>Grouped bars: one group per category (a year), one bar per series (a sub-category): the seed's Figure 3.</summary>
    public static Chart GroupedBars(string id, string title, IReadOnlyList<string> groups, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string yLabel, string source)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(series);
        ScottPlot.Fonts.Default = "DejaVu Sans";
        var plot = new Plot();
        var width = 0.8 / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = series[s].Values.Select((v, g) => new Bar { Position = g + ((s - ((series.Count - 1) / 2.0)) * width), Value = v, Size = width * 0.95, FillColor = Palette.GetColor(s) }).ToArray();
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series[s].Name;
        }

        plot.Axes.Bottom.SetTicks([.. groups.Select((_, g) => (double)g)], [.. groups]);
        plot.Axes.Margins(bottom: 0);
        return Finish(plot, id, title, string.Empty, yLabel, source);
    }

    /// <summary>Horizontal-ish ranking bars: one bar per member, the area highlighted, the group average as a line.</summary>
    public static Chart Ranking(string id, string title, IReadOnlyList<(string Name, double Rate, bool IsArea)> members, double average, string yLabel, string source)
    {
        ArgumentNullException.ThrowIfNull(members);
        ScottPlot.Fonts.Default = "DejaVu Sans";
        var plot = new Plot();
        var bars = members.Select((m, i) => new Bar { Position = i, Value = m.Rate, FillColor = Palette.GetColor(m.IsArea ? 1 : 0) }).ToArray();
        plot.Add.Bars(bars);
        var line = plot.Add.HorizontalLine(average);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Palette.GetColor(2);
        line.LegendText = "Group average";
        plot.Axes.Bottom.SetTicks([.. members.Select((_, i) => (double)i)], [.. members.Select(m => m.Name)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Margins(bottom: 0);
        return Finish(plot, id, title, string.Empty, yLabel, source);
    }

    static Chart Finish(Plot plot, string id, string title, string xLabel, string yLabel, string source)
    {
        // The source line sits under the x axis, where it never covers the data.
        plot.Title(title, 15);
        plot.XLabel(xLabel.Length > 0 ? $"{xLabel}\n{source}" : source, 11);
        plot.YLabel(yLabel, 12);
        plot.ShowLegend(Alignment.UpperLeft);
        return new Chart(id, title, plot.GetSvgXml(Width, Height), plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }

    static List<(int Start, int End)> Runs(IReadOnlyList<double?> values)
    {
        var runs = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= values.Count; i++)
        {
            var present = i < values.Count && values[i] is not null;
            if (present && start < 0)
            {
                start = i;
            }
            else if (!present && start >= 0)
            {
                runs.Add((start, i - 1));
                start = -1;
            }
        }

        return runs;
    }

    /// <summary>The least-squares line through the points.</summary>
    public static (double Slope, double Intercept) LeastSquares(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        var (mx, my) = (xs.Average(), ys.Average());
        var sxx = xs.Sum(x => (x - mx) * (x - mx));
        var slope = sxx == 0 ? 0 : xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum() / sxx;
        return (slope, my - (slope * mx));
    }
}
