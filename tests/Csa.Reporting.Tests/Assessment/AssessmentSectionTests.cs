using Csa.Analysis;
using Csa.Core;
using Csa.Reporting.Assessment;
using Csa.Storage;

namespace Csa.Reporting.Tests.Assessment;

/// <summary>The sections made from what csa computes: anti-social behaviour, places, long-run rates, harm, victims and offenders,
/// recording practice; each present where its data are held, and left out with one line saying why where not.</summary>
public sealed class AssessmentSectionTests(ReportStoreFixture fixture) : IClassFixture<ReportStoreFixture>
{
    static string Newcastle => Path.Combine(ReportStoreFixture.Examples, "report-northumbria-newcastle.json");

    static string Seed => Path.Combine(ReportStoreFixture.Examples, "report-seed-violence.json");

    [Fact]
    public async Task AntiSocialBehaviour_IsKeptApart_ComparedLikeForLike_AndByWard()
    {
        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(Newcastle));
        var area = await new AreaResolver(fixture.Store).ResolveAsync("Newcastle upon Tyne");

        // By hand: the incidents of the months of 2021 and 2022 held in both (Northumbria published no January 2022).
        var counts = (await fixture.Store.CountAsync(new CountQuery(area, Period.Parse("2021-01..2022-12"), CountGrouping.Month | CountGrouping.CrimeType)))
            .Where(r => r.IsAntiSocialBehaviour && r.Month!.Value.MonthOfYear != 1).GroupBy(r => r.Month!.Value.Year).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var section = report.Sections.Single(s => s.Id == "asb");
        var text = section.Blocks.OfType<ParagraphBlock>().Single().Text;
        Assert.Contains($"There were {counts[2022]:N0} anti-social behaviour incidents in Newcastle upon Tyne in 2022 against {counts[2021]:N0} in 2021, like for like over the 11 months held in both", text, StringComparison.Ordinal);
        Assert.Single(section.Blocks.OfType<ChartBlock>());
        var wards = section.Blocks.OfType<TableBlock>().Single(t => t.Id == "asb-wards").Table;
        Assert.Equal("Monument", wards.Rows[0][0]);
        Assert.Equal(wards.Rows.Select(r => (long)r[1]!).OrderDescending(), wards.Rows.Select(r => (long)r[1]!));

        // No crime table of the document counts it.
        var appendix = report.Tables.Single(t => t.Id == "appendix-a").Table;
        Assert.DoesNotContain(appendix.Rows, r => Equals(r[0], "Anti-social behaviour"));
    }

    [Fact]
    public async Task Places_MapTheWards_AndListTheHotSpots_WithTheMultipleTestingCaveat()
    {
        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(Newcastle));

        var section = report.Sections.Single(s => s.Id == "places");
        var map = section.Blocks.OfType<ChartBlock>().Single().Chart;
        Assert.StartsWith("Map of 26 places shaded by rate per 1,000 in five classes, darker for higher: highest Monument", map.AltText, StringComparison.Ordinal);
        var wards = report.Tables.Single(t => t.Id == "places-wards").Table;
        Assert.Equal(26, wards.Rows.Count);
        Assert.Equal(wards.Rows.Select(r => (double)r[2]!).OrderDescending(), wards.Rows.Select(r => (double)r[2]!));
        Assert.Contains(section.Blocks.OfType<ParagraphBlock>(), p => p.Text.Contains("false discovery rate controlled", StringComparison.Ordinal));
        var hot = report.Tables.Single(t => t.Id == "places-hotspots").Table;
        Assert.NotEmpty(hot.Rows);
        Assert.All(hot.Rows, r => Assert.Matches("^(Hot|Cold) spot", (string)r[8]!));
    }

    [Fact]
    public async Task TheSeedsExtract_GivesHarm_VictimsAndOffenders_RecordingPractice_AndLongRunRates()
    {
        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(Seed));

        Assert.Contains("Crime Severity Score by financial year", report.Tables.Single(t => t.Id == "harm").Table.Title, StringComparison.Ordinal);
        Assert.Contains(report.Tables.Single(t => t.Id == "victims-offenders").Table.Rows, r => Equals(r[0], "25–34"));
        var recording = report.Tables.Single(t => t.Id == "recording").Table;
        Assert.Equal(["2015-01..2015-12", "2016-01..2016-12", "Change"], recording.Rows.Select(r => (string)r[0]!));
        var longRun = report.Tables.Single(t => t.Id == "long-run").Table;
        Assert.Equal("2011/12", longRun.Rows[0][0]);
        Assert.Contains(longRun.Notes, n => n.Contains("mid-2015 estimate for every year", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASectionWhoseDataAreNotHeld_IsLeftOut_InOneLineSayingWhy()
    {
        var config = AssessmentConfig.Load(Newcastle);
        var sections = config.Sections.Concat(["recording", "victims-offenders", "harm"]).ToArray();
        var narrative = new Dictionary<string, string>(config.Narrative) { ["recording"] = "r", ["victims-offenders"] = "v", ["harm"] = "h" };

        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(config with { Sections = sections, Narrative = narrative });

        foreach (var id in new[] { "recording", "victims-offenders", "harm" })
        {
            var block = Assert.Single(report.Sections.Single(s => s.Id == id).Blocks);
            Assert.StartsWith("Left out: ", Assert.IsType<ParagraphBlock>(block).Text, StringComparison.Ordinal);
        }

        Assert.Contains("partnership level", ((ParagraphBlock)report.Sections.Single(s => s.Id == "harm").Blocks[0]).Text, StringComparison.Ordinal);
    }
}
