namespace Csa.Reporting.Charts;

/// <summary>A rendered chart: its title, inline SVG for the HTML, and PNG bytes for files.</summary>
/// <param name="Id">A file-name-safe identifier (figure-1).</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Svg">The chart as SVG markup.</param>
/// <param name="Png">The chart as PNG.</param>
public sealed record Chart(string Id, string Title, string Svg, byte[] Png);
