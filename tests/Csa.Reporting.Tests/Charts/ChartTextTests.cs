using Csa.Analysis;
using Csa.Reporting.Assessment;
using Csa.Reporting.Charts;
using Csa.Reporting.Tests.Assessment;

namespace Csa.Reporting.Tests.Charts;

/// <summary>No piece of a chart's text covers another or leaves the picture, in the demo's documents and in hard cases.</summary>
public sealed class ChartTextTests(ReportStoreFixture fixture) : IClassFixture<ReportStoreFixture>
{
    [Theory]
    [InlineData("report-seed-violence.json")]
    [InlineData("report-northumbria-newcastle.json")]
    public async Task EveryChartOfTheExampleDocuments_HasNoOverlappingText_AndAltText(string config)
    {
        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(Path.Combine(ReportStoreFixture.Examples, config)));

        Assert.NotEmpty(report.Charts);
        foreach (var chart in report.Charts)
        {
            AssertTextIsClear(chart);
            Assert.True(chart.AltText.Length > 40, $"{chart.Id}: alt text '{chart.AltText}'");
        }

        var html = HtmlReportWriter.Render(report);
        Assert.Equal(report.Charts.Count(), html.Split("<svg role=\"img\" aria-label=\"").Length - 1);
    }

    /// <summary>SYNTHETIC series: long and short runs of months, a gap, many and long member names, years with a value not held.</summary>
    public static TheoryData<string> HardCases => ["150 months", "2 months", "gap", "20 members", "long names", "bars with a year not held"];

    [Theory]
    [MemberData(nameof(HardCases))]
    public void HardCases_HaveNoOverlappingText(string name)
    {
        var months = (int n) => Enumerable.Range(0, n).Select(i => $"{2010 + ((i + 2) / 12)}-{((i + 2) % 12) + 1:00}").ToArray();
        var counts = (int n) => Enumerable.Range(0, n).Select(i => (double?)(1000 + (i * 37 % 400))).ToArray();
        var chart = name switch
        {
            "150 months" => ChartMaker.MonthlyTrend("c", "A long monthly series with a long title of the kind a category makes", months(150), counts(150), "Crimes", "Source: SYNTHETIC DATA."),
            "2 months" => ChartMaker.MonthlyTrend("c", "Two months", months(2), counts(2), "Crimes", "Source: SYNTHETIC DATA."),
            "gap" => ChartMaker.MonthlyTrend("c", "A gap", months(30), [.. counts(30).Select((c, i) => i is 10 or 11 ? null : c)], "Crimes", "Source: SYNTHETIC DATA."),
            "20 members" => ChartMaker.Ranking("c", "Twenty members", [.. Enumerable.Range(0, 20).Select(i => ($"Member area {i}", 60.0 - (i * 2.5), i == 7))], 40, "Rate per 1,000", "Source: SYNTHETIC DATA."),
            "long names" => ChartMaker.Ranking(
                "c",
                "Long names",
                [("Bournemouth, Christchurch and Poole", 55, false), ("Kingston upon Hull, City of", 50, true), ("Richmond upon Thames", 40, false), ("Herefordshire, County of", 35, false)],
                45,
                "Rate per 1,000",
                "Source: SYNTHETIC DATA."),
            _ => ChartMaker.GroupedBars(
                "c",
                "Years and sub-categories",
                ["2012/13", "2013/14", "2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22", "2022/23"],
                [("All violence against the person", [.. Enumerable.Range(0, 11).Select(i => (double?)(1000 + (i * 90)))]), ("Violence with injury", [.. Enumerable.Range(0, 11).Select(i => i == 4 ? null : (double?)(500 + (i * 30)))]), ("Violence without injury", [.. Enumerable.Range(0, 11).Select(i => (double?)(400 + (i * 50)))]), ("Stalking and harassment", [.. Enumerable.Range(0, 11).Select(i => (double?)(100 + (i * 10)))])],
                "Crimes",
                "Source: SYNTHETIC DATA."),
        };

        AssertTextIsClear(chart);
        if (name == "bars with a year not held")
        {
            Assert.Contains("2016/17 not held", chart.AltText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheOverlapCheck_FindsTextThatCoversText()
    {
        const string Svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="900" height="420">
              <text transform="translate(100 100)" font-size="12" x="0, 7, 14, " y="0, ">abc</text>
              <text transform="translate(110 102)" font-size="12" x="0, 7, 14, " y="0, ">def</text>
              <g transform="translate(0 200)"><text transform="matrix(0 -1 1 0 4 10)" font-size="12" x="0, 7, " y="0, ">gh</text></g>
            </svg>
            """;

        var boxes = SvgTextBoxes.Read(Svg);

        Assert.True(boxes[0].Overlaps(boxes[1]));
        Assert.False(boxes[0].Overlaps(boxes[2]));
        Assert.True(boxes[2].Top < 210 && boxes[2].Bottom <= 210.5 && boxes[2].Right - boxes[2].Left < 15, $"{boxes[2]}");
    }

    static void AssertTextIsClear(Chart chart)
    {
        var boxes = SvgTextBoxes.Read(chart.Svg);
        Assert.NotEmpty(boxes);
        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            Assert.True(box.Left >= -1 && box.Top >= -1 && box.Right <= Chart.Width + 1 && box.Bottom <= Chart.Height + 1, $"{chart.Id}: '{box.Text}' leaves the picture: {box}");
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(box.Overlaps(boxes[j]), $"{chart.Id} ({chart.Title}): '{box.Text}' {box} covers '{boxes[j].Text}' {boxes[j]}");
            }
        }
    }
}
