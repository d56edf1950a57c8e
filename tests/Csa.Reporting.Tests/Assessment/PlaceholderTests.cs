using Csa.Analysis;
using Csa.Core;
using Csa.Reporting.Assessment;
using Csa.Tests;

namespace Csa.Reporting.Tests.Assessment;

/// <summary>A document is finished when every slot for the analyst's own words is written: an empty slot or the template's
/// example text stops the build (naming each), unless it is a draft, which says so on every page.</summary>
public sealed class PlaceholderTests(ReportStoreFixture fixture) : IClassFixture<ReportStoreFixture>
{
    static string Template => Path.Combine(ReportStoreFixture.Examples, "report-template.json");

    [Fact]
    public async Task TheTemplate_IsRefused_NamingEverySlotStillToWrite()
    {
        var error = await Assert.ThrowsAsync<CsaQueryException>(() => new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(Template)));

        foreach (var slot in new[]
        {
            "document.authors[0]: example text", "document.team: example text", "document.date: example text", "document.version: example text",
            "document.description: example text", "document.timePeriod: example text",
            "narrative.recommendations: example text", "narrative.introduction: example text", "narrative.trend: example text",
            "narrative.markers: example text", "narrative.total-crime: example text", "narrative.appendix-a: example text",
        })
        {
            Assert.Contains(slot, error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("--draft", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptySlot_OrExampleTextCopiedIntoAFinishedConfig_IsAPlaceholder()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var seed = await File.ReadAllTextAsync(Path.Combine(ReportStoreFixture.Examples, "report-seed-violence.json"));
        var text = seed
            .Replace("\"team\": \"After the Cambridgeshire Research Group's model document of March 2017\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"trend\": \"Police recorded violence", "\"trend-old\": \"", StringComparison.Ordinal)
            .Replace("\"total-crime\": \"All police recorded crime", "\"total-crime\": \"  The analyst's commentary on   total crime goes here. All police recorded crime", StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(ReportStoreFixture.Examples, "narrative")))
        {
            Directory.CreateDirectory(scratch.File("narrative"));
            File.Copy(file, scratch.File(Path.Combine("narrative", Path.GetFileName(file))));
        }

        await File.WriteAllTextAsync(scratch.File("config.json"), text.Replace("\"trend-old\"", "\"schedule\"", StringComparison.Ordinal));
        var config = AssessmentConfig.Load(scratch.File("config.json"));

        var placeholders = Placeholders.Find(config);

        Assert.Equal(3, placeholders.Count);
        Assert.Equal(["document.team: empty", "narrative.trend: empty"], placeholders.Take(2));
        Assert.StartsWith("narrative.total-crime: example text ('The analyst's commentary on total crime goes here.", placeholders[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report-seed-violence.json")]
    [InlineData("report-northumbria-newcastle.json")]
    public async Task TheDemosConfigs_AreFinished(string name)
    {
        var config = AssessmentConfig.Load(Path.Combine(ReportStoreFixture.Examples, name));

        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(config);

        Assert.Empty(Placeholders.Find(config));
        Assert.False(report.Draft);
        Assert.DoesNotContain("DRAFT", HtmlReportWriter.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraft_IsBuilt_MarkedAndListsWhatIsStillToWrite()
    {
        var report = await new AssessmentBuilder(new Analyses(fixture.Store), draft: true).BuildAsync(AssessmentConfig.Load(Template));

        Assert.True(report.Draft);
        Assert.Equal(12, report.Placeholders.Count);
        var html = HtmlReportWriter.Render(report);
        Assert.Contains("<div class=\"draft-mark\" aria-hidden=\"true\">DRAFT</div>", html, StringComparison.Ordinal);
        Assert.Contains("narrative.trend: example text", html, StringComparison.Ordinal);
    }
}
