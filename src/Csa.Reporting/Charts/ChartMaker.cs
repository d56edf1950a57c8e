using System.Globalization;
using ScottPlot;

namespace Csa.Reporting.Charts;

/// <summary>Draws the report's charts with ScottPlot: titled, labelled axes, a source line, and a colour-blind-safe
/// palette (Wong's, ScottPlot's <c>ColorblindFriendly</c>), at a size that reads in print and on screen.</summary>
/// <remarks>Every piece of text is horizontal and placed where no other text is: month ticks are spaced to fit, members' names
/// label a horizontal bar chart's y axis, and legends sit outside the data (a test checks every text box of every chart).</remarks>
public static partial class ChartMaker
{
    const int Width = Chart.Width;
    const int Height = Chart.Height;

    /// <summary>Month labels shown at most: about 60 pixels each.</summary>
    const int MaxMonthTicks = 12;

    static readonly int[] MonthSteps = [1, 2, 3, 4, 6, 12, 24, 36];

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
        var plot = NewPlot();
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

        // Horizontal labels every 1, 2, 3, 4, 6 or 12 months (the fewest that fit), on January where the step allows.
        var step = MonthSteps.First(s => (months.Count + s - 1) / s <= MaxMonthTicks || s == 36);
        var offset = Enumerable.Range(0, Math.Min(step, months.Count)).FirstOrDefault(i => (MonthOfYear(months[i]) - 1) % step == 0);
        var ticks = Enumerable.Range(0, months.Count).Where(i => i >= offset && (i - offset) % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(i => (double)i)], [.. ticks.Select(i => months[i])]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Thousands };
        var alt = TrendAltText(yLabel, months, counts, held, values);
        return Finish(plot, id, title, string.Empty, yLabel, source, Alignment.UpperLeft, alt);
    }

    static int MonthOfYear(string month) => month.Length >= 7 && int.TryParse(month.AsSpan(5, 2), CultureInfo.InvariantCulture, out var m) ? m : 1;

    static string Thousands(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    static string TrendAltText(string what, IReadOnlyList<string> months, IReadOnlyList<double?> counts, double[] held, double[] values)
    {
        if (values.Length == 0)
        {
            return $"Line chart of {what.ToLowerInvariant()} by month: no month is held.";
        }

        var min = Enumerable.Range(0, counts.Count).Where(i => counts[i] is not null).MinBy(i => counts[i]!.Value);
        var max = Enumerable.Range(0, counts.Count).Where(i => counts[i] is not null).MaxBy(i => counts[i]!.Value);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Line chart of {what.ToLowerInvariant()} by month, {months[0]} to {months[^1]}: lowest {counts[min]:N0} in {months[min]}, highest {counts[max]:N0} in {months[max]}, latest {values[^1]:N0} in {months[(int)held[^1]]}.");
        if (held.Length >= 2)
        {
            var (slope, intercept) = LeastSquares(held, values);
            text += string.Create(CultureInfo.InvariantCulture, $" The linear trend goes from {intercept + (slope * held[0]):N0} to {intercept + (slope * held[^1]):N0}.");
        }

        var gaps = Enumerable.Range(0, counts.Count).Where(i => counts[i] is null).Select(i => months[i]).ToArray();
        return gaps.Length == 0 ? text : text + $" No data are held for {string.Join(", ", gaps)} (the line breaks there).";
    }

    /// <summary>Grouped bars: one group per category (a year), one bar per series (a sub-category): the seed's Figure 3. A value
    /// not held (null) has no bar, never a bar of zero.</summary>
    public static Chart GroupedBars(string id, string title, IReadOnlyList<string> groups, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series, string yLabel, string source)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(series);
        var plot = NewPlot();
        var width = 0.8 / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = series[s].Values.Select((v, g) => (v, g)).Where(x => x.v is not null)
                .Select(x => new Bar { Position = x.g + ((s - ((series.Count - 1) / 2.0)) * width), Value = x.v!.Value, Size = width * 0.95, FillColor = Palette.GetColor(s) }).ToArray();
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series[s].Name;
        }

        plot.Axes.Bottom.SetTicks([.. groups.Select((_, g) => (double)g)], [.. groups]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Thousands };
        plot.Axes.Margins(bottom: 0);
        var alt = $"Bar chart of {yLabel.ToLowerInvariant()} by {string.Join(", ", groups)}: " + string.Join("; ", series.Select(s =>
            $"{s.Name} {string.Join(", ", s.Values.Select((v, g) => $"{groups[g]} {(v is { } x ? Thousands(Math.Round(x, 1)) : "not held")}"))}")) + ".";
        return Finish(plot, id, title, string.Empty, yLabel, source, null, alt);
    }

    /// <summary>Ranking bars, drawn horizontally so that every member's name is read level: the first member at the top, the area
    /// highlighted, the group average as a dashed line; the key sits under the chart, clear of the bars.</summary>
    public static Chart Ranking(string id, string title, IReadOnlyList<(string Name, double Rate, bool IsArea)> members, double average, string xLabel, string source)
    {
        ArgumentNullException.ThrowIfNull(members);
        var plot = NewPlot();
        var bars = members.Select((m, i) => new Bar { Position = members.Count - 1 - i, Value = m.Rate, FillColor = Palette.GetColor(m.IsArea ? 1 : 0), Size = 0.7 }).ToArray();
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        var line = plot.Add.VerticalLine(average);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Palette.GetColor(2);
        line.LineWidth = 2;
        line.LegendText = "Group average";
        var area = members.FirstOrDefault(m => m.IsArea);
        if (area.Name is not null)
        {
            // The key names the highlighted bar, beside the line's own entry.
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = area.Name + " (this area)", FillColor = Palette.GetColor(1) });
        }

        plot.Axes.Left.SetTicks([.. members.Select((_, i) => (double)(members.Count - 1 - i))], [.. members.Select(m => m.Name)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Thousands };
        plot.Axes.Margins(left: 0);
        var alt = $"Horizontal bar chart of {xLabel.ToLowerInvariant()}, highest first: "
            + string.Join(", ", members.Select(m => $"{m.Name}{(m.IsArea ? " (this area)" : string.Empty)} {m.Rate.ToString("0.0", CultureInfo.InvariantCulture)}"))
            + $"; group average {average.ToString("0.0", CultureInfo.InvariantCulture)}.";
        plot.Title(title, 15);
        plot.XLabel($"{xLabel}\n{source}", 11);
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, id, title, alt);
    }

    /// <summary>An age–sex pyramid: one horizontal bar per age band, females to the left and males to the right of zero, the
    /// youngest band at the bottom; counts read as positive on both sides.</summary>
    public static Chart Pyramid(string id, string title, IReadOnlyList<(string Band, long Female, long Male)> bands, string source)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var plot = NewPlot();
        var female = plot.Add.Bars(bands.Select((b, i) => new Bar { Position = i, Value = -b.Female, FillColor = Palette.GetColor(5), Size = 0.8 }).ToArray());
        female.Horizontal = true;
        var male = plot.Add.Bars(bands.Select((b, i) => new Bar { Position = i, Value = b.Male, FillColor = Palette.GetColor(1), Size = 0.8 }).ToArray());
        male.Horizontal = true;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Female", FillColor = Palette.GetColor(5) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Male", FillColor = Palette.GetColor(1) });
        plot.Axes.Left.SetTicks([.. bands.Select((_, i) => (double)i)], [.. bands.Select(b => b.Band)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Thousands(Math.Abs(v)) };
        var widest = Math.Max(1, bands.Max(b => Math.Max(b.Female, b.Male)));
        plot.Axes.SetLimitsX(-widest * 1.1, widest * 1.1);
        plot.Title(title, 15);
        plot.XLabel($"People (female left, male right)\n{source}", 11);
        plot.ShowLegend(Edge.Bottom);
        var alt = $"Age–sex pyramid: " + string.Join("; ", bands.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Band} {b.Female:N0} female, {b.Male:N0} male"))) + ".";
        return Render(plot, id, title, alt);
    }

    /// <summary>Sequential blues (ColorBrewer, colour-blind safe), light for the lowest fifth of places to dark for the highest.</summary>
    static readonly string[] Fifths = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];

    static readonly System.Text.Json.JsonSerializerOptions GeoJson = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    /// <summary>A map of places shaded in five classes by fifths of their values (a place with no value in grey), drawn from their
    /// boundaries with longitude scaled by the cosine of the mean latitude, so that shapes keep their proportions.</summary>
    /// <param name="id">The figure's identifier.</param>
    /// <param name="title">The title.</param>
    /// <param name="places">Each place's name, boundary (GeoJSON geometry) and value.</param>
    /// <param name="valueLabel">What the value is (rate per 1,000).</param>
    /// <param name="source">The source line.</param>
    public static Chart Choropleth(string id, string title, IReadOnlyList<(string Name, string GeoJson, double? Value)> places, string valueLabel, string source)
    {
        ArgumentNullException.ThrowIfNull(places);
        var plot = NewPlot();
        var shapes = places.Select(p => (p.Name, Geometry: System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Geometries.Geometry>(p.GeoJson, GeoJson)!, p.Value)).ToList();
        var meanLatitude = shapes.Average(s => s.Geometry.Centroid.Y);
        var stretch = Math.Cos(meanLatitude * Math.PI / 180);
        var values = shapes.Where(s => s.Value is not null).Select(s => s.Value!.Value).Order().ToArray();
        var breaks = Enumerable.Range(1, Fifths.Length - 1).Select(k => values.Length == 0 ? 0 : values[Math.Min(values.Length - 1, k * values.Length / Fifths.Length)]).ToArray();
        int ClassOf(double v) => breaks.Count(b => v >= b);
        foreach (var (_, geometry, value) in shapes)
        {
            for (var g = 0; g < geometry.NumGeometries; g++)
            {
                if (geometry.GetGeometryN(g) is NetTopologySuite.Geometries.Polygon polygon)
                {
                    var ring = polygon.ExteriorRing.Coordinates.Select(c => new Coordinates(c.X * stretch, c.Y)).ToArray();
                    var shape = plot.Add.Polygon(ring);
                    shape.FillColor = value is { } v ? Color.FromHex(Fifths[ClassOf(v)]) : Color.FromHex("#d9d9d9");
                    shape.LineColor = Color.FromHex("#636363");
                    shape.LineWidth = 0.6f;
                }
            }
        }

        var lows = new[] { values.FirstOrDefault() }.Concat(breaks).ToArray();
        for (var k = 0; k < Fifths.Length && values.Length > 0; k++)
        {
            var high = k < breaks.Length ? breaks[k] : values[^1];
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = string.Create(CultureInfo.InvariantCulture, $"{lows[k]:0.#} to {(k < breaks.Length ? "under " : string.Empty)}{high:0.#}"), FillColor = Color.FromHex(Fifths[k]) });
        }

        if (shapes.Any(s => s.Value is null))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "no rate", FillColor = Color.FromHex("#d9d9d9") });
        }

        plot.Axes.SquareUnits();
        plot.HideGrid();
        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.IsVisible = false;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }

        plot.Title(title, 15);
        plot.XLabel(source, 11);
        plot.ShowLegend(Edge.Right);
        var ranked = shapes.Where(s => s.Value is not null).OrderByDescending(s => s.Value).ToArray();
        var alt = ranked.Length == 0
            ? $"Map of {places.Count} places: no {valueLabel.ToLowerInvariant()} is held."
            : string.Create(CultureInfo.InvariantCulture, $"Map of {places.Count} places shaded by {valueLabel.ToLowerInvariant()} in five classes, darker for higher: highest {ranked[0].Name} ({ranked[0].Value:0.#}), then {string.Join(", ", ranked.Skip(1).Take(2).Select(r => $"{r.Name} ({r.Value:0.#})"))}; lowest {ranked[^1].Name} ({ranked[^1].Value:0.#}).");
        return Render(plot, id, title, alt);
    }

    static Chart Finish(Plot plot, string id, string title, string xLabel, string yLabel, string source, Alignment? legend, string alt)
    {
        // The source line sits under the x axis, where it never covers the data.
        plot.Title(title, 15);
        plot.XLabel(xLabel.Length > 0 ? $"{xLabel}\n{source}" : source, 11);
        plot.YLabel(yLabel, 12);
        if (legend is { } corner)
        {
            plot.ShowLegend(corner);
        }
        else
        {
            plot.ShowLegend(Edge.Bottom);
        }

        return Render(plot, id, title, alt);
    }

    /// <summary>A plot in the document's font (DejaVu Sans, the font of the HTML and Word documents).</summary>
    static Plot NewPlot()
    {
        ScottPlot.Fonts.Default = "DejaVu Sans";
        return new Plot();
    }

    static Chart Render(Plot plot, string id, string title, string alt) =>
        new(id, title, WithViewBox(NumberClips(plot.GetSvgXml(Width, Height), id)), plot.GetImageBytes(Width, Height, ImageFormat.Png), alt);

    /// <summary>Gives the SVG a view box, so that it scales to the width it is shown at (a page, a window) instead of
    /// overflowing it: ScottPlot writes only a width and a height.</summary>
    static string WithViewBox(string svg)
    {
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        return open < 0 || svg.IndexOf("viewBox", open, StringComparison.Ordinal) is var at && at >= 0 && at < svg.IndexOf('>', open)
            ? svg
            : svg.Insert(open + 4, $" viewBox=\"0 0 {Width} {Height}\"");
    }

    /// <summary>Names the SVG's clip paths after the chart (figure-1-clip-1…): Skia numbers them across the whole process, so
    /// the same chart got other names in another run, and two charts inlined in one HTML page could share a name.</summary>
    static string NumberClips(string svg, string id)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipName().Replace(svg, m =>
        {
            if (!names.TryGetValue(m.Value, out var name))
            {
                names[m.Value] = name = $"{id}-clip-{names.Count + 1}";
            }

            return name;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=(id=""|url\(#))cl_[0-9a-z]+(?=[""\)])")]
    private static partial System.Text.RegularExpressions.Regex ClipName();

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
