using System.Globalization;
using System.Xml.Linq;

namespace Csa.Reporting.Tests.Charts;

/// <summary>The boxes a chart's text occupies, read from its SVG: ScottPlot (through Skia) writes each string as a text element
/// with a transform and the x offset of every glyph, so a box runs from the first glyph to the end of the last, and from the
/// font's ascent above the baseline to its descent below.</summary>
static class SvgTextBoxes
{
    /// <summary>DejaVu Sans: ascent and descent as shares of the font size, and the widest a last glyph is.</summary>
    const double Ascent = 0.76;
    const double Descent = 0.24;
    const double LastGlyph = 0.62;

    public sealed record Box(string Text, double Left, double Top, double Right, double Bottom)
    {
        /// <summary>Whether two boxes share more than a sliver (a pixel's tolerance for rounding).</summary>
        public bool Overlaps(Box other, double tolerance = 1.0) =>
            Math.Min(Right, other.Right) - Math.Max(Left, other.Left) > tolerance
            && Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top) > tolerance;
    }

    public static IReadOnlyList<Box> Read(string svg)
    {
        var document = XDocument.Parse(svg);
        var boxes = new List<Box>();
        foreach (var text in document.Descendants().Where(e => e.Name.LocalName == "text"))
        {
            var content = text.Value.Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var size = double.Parse(text.Attribute("font-size")!.Value, CultureInfo.InvariantCulture);
            var xs = Numbers(text.Attribute("x")?.Value ?? "0");
            var y = Numbers(text.Attribute("y")?.Value ?? "0")[0];
            var (left, right) = (xs.Min(), xs.Max() + (LastGlyph * size));
            var (top, bottom) = (y - (Ascent * size), y + (Descent * size));
            var matrix = text.AncestorsAndSelf().Reverse().Select(e => Transform(e.Attribute("transform")?.Value)).Aggregate(Identity, Multiply);
            var corners = new[] { (left, top), (right, top), (left, bottom), (right, bottom) }.Select(p => Apply(matrix, p)).ToArray();
            boxes.Add(new Box(content, corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y)));
        }

        return boxes;
    }

    static double[] Numbers(string text) =>
        [.. text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, CultureInfo.InvariantCulture))];

    static readonly double[] Identity = [1, 0, 0, 1, 0, 0];

    /// <summary>An SVG transform as the six numbers of its matrix: translate(x y), matrix(a b c d e f), rotate(a) or none.</summary>
    static double[] Transform(string? text)
    {
        if (text is null)
        {
            return Identity;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        var values = Numbers(text[(open + 1)..text.IndexOf(')', StringComparison.Ordinal)]);
        return text[..open].Trim() switch
        {
            "translate" => [1, 0, 0, 1, values[0], values.Length > 1 ? values[1] : 0],
            "matrix" => values,
            "rotate" => [Math.Cos(values[0] * Math.PI / 180), Math.Sin(values[0] * Math.PI / 180), -Math.Sin(values[0] * Math.PI / 180), Math.Cos(values[0] * Math.PI / 180), 0, 0],
            var other => throw new InvalidOperationException($"An SVG transform this test does not read: {other}"),
        };
    }

    /// <summary>The matrix of applying <paramref name="inner"/> first, then <paramref name="outer"/>.</summary>
    static double[] Multiply(double[] outer, double[] inner) =>
    [
        (outer[0] * inner[0]) + (outer[2] * inner[1]), (outer[1] * inner[0]) + (outer[3] * inner[1]),
        (outer[0] * inner[2]) + (outer[2] * inner[3]), (outer[1] * inner[2]) + (outer[3] * inner[3]),
        (outer[0] * inner[4]) + (outer[2] * inner[5]) + outer[4], (outer[1] * inner[4]) + (outer[3] * inner[5]) + outer[5],
    ];

    static (double X, double Y) Apply(double[] m, (double X, double Y) p) => ((m[0] * p.X) + (m[2] * p.Y) + m[4], (m[1] * p.X) + (m[3] * p.Y) + m[5]);
}
