namespace Csa.Reporting.Charts;

/// <summary>A rendered chart: its title, inline SVG for the HTML, PNG bytes for files and Word, and alt text that says what
/// the chart shows for a reader who cannot see it.</summary>
/// <param name="Id">A file-name-safe identifier (figure-1).</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Svg">The chart as SVG markup.</param>
/// <param name="Png">The chart as PNG.</param>
/// <param name="AltText">What the chart shows, in words and figures.</param>
public sealed record Chart(string Id, string Title, string Svg, byte[] Png, string AltText)
{
    /// <summary>The chart's width in pixels (SVG and PNG).</summary>
    public const int Width = 900;

    /// <summary>The chart's height in pixels.</summary>
    public const int Height = 420;
}
