using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Csa.Analysis;
using Csa.Analysis.Comparison;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Reporting.Assessment;
using Csa.Tests;

namespace Csa.Reporting.Tests.Assessment;

public sealed partial class AssessmentReportTests(ReportStoreFixture fixture) : IClassFixture<ReportStoreFixture>
{
    static string SeedConfig => Path.Combine(ReportStoreFixture.Examples, "report-seed-violence.json");

    static string NorthumbriaConfig => Path.Combine(ReportStoreFixture.Examples, "report-northumbria-newcastle.json");

    async Task<(string Html, JsonDocument Sidecar, string Folder)> WriteAsync(ScratchFolder scratch, string config, bool pdf = false)
    {
        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(config));
        var html = (await ReportFiles.WriteAsync(report, scratch.File("report"), pdf)).Html;
        return (await File.ReadAllTextAsync(html), JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("report/report.json"))), scratch.File("report"));
    }

    [Fact]
    public async Task TheDataSourcesAppendix_ListsExactlyTheFilesTheDocumentUsed_OnceEach_ByNameAlone()
    {
        var newcastle = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(NorthumbriaConfig));
        var seed = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(SeedConfig));

        // Newcastle: Northumbria's street files for the months charted and compared (2020-05..2023-02; January 2022 was never
        // published), the lookups, the mid-2022 population of the group's rates, Northumbria's Home Office table (the priority
        // matrix's harm weights), and the config's own files. Not the
        // Huntingdonshire extract, the ambulance series or the outcomes files the store also holds.
        var files = Files(newcastle);
        Assert.Equal(files.Count, files.Distinct().Count());
        var street = files.Where(f => f.Kind == "street").Select(f => f.Name).ToArray();
        Assert.Equal(
            Period.Parse("2020-05..2023-02").Months.Where(m => m != new Month(2022, 1)).Select(m => $"{m}-northumbria-street.csv"),
            street.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["config", "geography:district-partnership-force", "geography:lsoa-2011-2021", "geography:lsoa-ward-district", "population:2022", "prc:force", "street"],
            files.Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["northumbria-introduction.md", "northumbria-partnerships.txt"], files.Where(f => f.Kind == "config").Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain('/', f.Name));
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
        var coverage = newcastle.Tables.Single(t => t.Id == "data-sources").Table;
        var northumbria = Assert.Single(coverage.Rows, r => ((string)r[0]!).Contains("Northumbria", StringComparison.Ordinal));
        Assert.Equal(["2020-05..2023-02", 33L, "2022-01"], northumbria.Skip(1));

        // The seed: the synthetic extract, the ambulance series, the population estimate of its long-run rates (mid-2015, the
        // held estimate nearest 2016), the lookups and its narrative; no street file.
        var seedFiles = Files(seed);
        Assert.Equal(
            ["config", "extract-synthetic", "geography:district-partnership-force", "geography:lsoa-2011-2021", "geography:lsoa-ward-district", "population:2015", "series:Ambulance call-outs (assault):E07000011"],
            seedFiles.Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    static List<(string Kind, string Name, string Sha256)> Files(AssessmentReport report) =>
        [.. report.Tables.Single(t => t.Id == "data-files").Table.Rows.Select(r => ((string)r[0]!, (string)r[1]!, (string)r[3]!))];

    [Fact]
    public async Task PublicVersion_OfTheSeed_HoldsNoFigureFromTheExtract_AndSaysWhyEachSectionIsLeftOut()
    {
        var disclosure = new Analysis.Disclosure.DisclosureService(new(true, 4));

        var report = await new AssessmentBuilder(new Analyses(fixture.Store), disclosure).BuildAsync(AssessmentConfig.Load(SeedConfig));

        // The public version publishes nothing from the force's extract, so it adds nothing to the atlas's public
        // answer set (the attacker's): no table, chart or finding of extract figures; every such section says why.
        Assert.False(report.Synthetic);
        Assert.Empty(report.Findings);
        Assert.Empty(report.Charts);
        Assert.Equal(["details", "schedule", "data-sources", "data-files"], report.Tables.Select(t => t.Id));
        Assert.DoesNotContain(report.Tables, t => t.Table.Notes.Any(n => n.Contains("local police extract", StringComparison.Ordinal)) && t.Id != "data-sources");
        var leftOut = report.Sections.Where(s => s.Blocks.OfType<ParagraphBlock>().Any(p => p.Text.StartsWith("Left out of the public version", StringComparison.Ordinal))).Select(s => s.Id).ToArray();
        Assert.Superset(new HashSet<string> { "appendix-a", "markers", "end-of-year", "exclusions", "triangulation", "financial-years", "trend" }, leftOut.ToHashSet());
        Assert.StartsWith("Public version.", ((ParagraphBlock)report.Sections[0].Blocks[0]).Text, StringComparison.Ordinal);

        // Victims and offenders go through the disclosure service, which answers whole financial years only (2016 is a calendar
        // year); a section left out keeps none of the analyst's commentary, which may quote its figures.
        var victims = report.Sections.Single(s => s.Id == "victims-offenders");
        Assert.StartsWith("Left out of the public version: Public answers give figures from the force's extract for whole financial years", ((ParagraphBlock)Assert.Single(victims.Blocks)).Text, StringComparison.Ordinal);
        Assert.All(report.Sections.Where(s => s.Blocks is [ParagraphBlock { Text: var t }] && t.StartsWith("Left out of the public version", StringComparison.Ordinal)), s => Assert.Null(s.NarrativeHtml));
    }

    [Fact]
    public async Task PublicVersion_OfStreetFigures_IsThePartnershipsOwn()
    {
        var disclosure = new Analysis.Disclosure.DisclosureService(new(true, 4));

        var restricted = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(NorthumbriaConfig));
        var open = await new AssessmentBuilder(new Analyses(fixture.Store), disclosure).BuildAsync(AssessmentConfig.Load(NorthumbriaConfig));

        // data.police.uk street counts are published already: the public version shows them as the partnership's does.
        var (a, b) = (restricted.Tables.Single(t => t.Id == "appendix-a").Table, open.Tables.Single(t => t.Id == "appendix-a").Table);
        Assert.Equal(a.Rows.Select(r => string.Join("|", r)), b.Rows.Select(r => string.Join("|", r)));
        Assert.Equal(restricted.Findings.Select(f => f.Sentence), open.Findings.Select(f => f.Sentence));
    }

    /// <summary>The column headings of the HTML table with this id, decoded.</summary>
    static string[] HtmlHeader(string html, string id)
    {
        var start = html.IndexOf($"<table data-table=\"{id}\"", StringComparison.Ordinal);
        var head = html[start..html.IndexOf("</thead>", start, StringComparison.Ordinal)];
        return [.. Heading().Matches(head).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    /// <summary>The cells of the HTML table with this id, decoded.</summary>
    static List<string[]> HtmlTable(string html, string id)
    {
        var start = html.IndexOf($"<table data-table=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {id}");
        var body = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        body = body[body.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return [.. Row().Matches(body).Select(row => Cell().Matches(row.Value).Select(cell => WebUtility.HtmlDecode(cell.Groups[1].Value)).ToArray())];
    }

    [Fact]
    public async Task SeedReport_EveryTableCellEqualsTheSidecar_AndAppendixAEqualsTheSeedsTable()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var (html, sidecar, _) = await WriteAsync(scratch, SeedConfig);

        foreach (var table in sidecar.RootElement.GetProperty("tables").EnumerateArray().Where(t => t.GetProperty("inHtml").GetBoolean()))
        {
            // Every printed column is the sidecar's column of that name (the workbook may hold more: rate ratios).
            var id = table.GetProperty("id").GetString()!;
            var cells = HtmlTable(html, id);
            var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var printed = HtmlHeader(html, id).Select(h => columns.IndexOf(h)).ToArray();
            Assert.DoesNotContain(-1, printed);
            var rows = table.GetProperty("rows").EnumerateArray().ToArray();
            Assert.Equal(rows.Length, cells.Count);
            for (var r = 0; r < rows.Length; r++)
            {
                var expected = rows[r].EnumerateArray().Select(Text).ToArray();
                Assert.Equal(printed.Select(i => expected[i]), cells[r]);
            }
        }

        var appendix = HtmlTable(html, "appendix-a");
        var seed = File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "data", "seed", "appendix-a-huntingdonshire-2015-vs-2016.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(seed.Select(f => new[] { f[1], f[2], f[3], f[4], f[5] }), appendix.Select(c => new[] { c[0], c[1].Replace(",", string.Empty, StringComparison.Ordinal), c[2].Replace(",", string.Empty, StringComparison.Ordinal), c[3].Replace(",", string.Empty, StringComparison.Ordinal), c[4] }));
    }

    [Fact]
    public async Task SeedReport_FindingsAreInTheHtmlAndTheirFiguresEqualDirectQueries()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var (html, sidecar, _) = await WriteAsync(scratch, SeedConfig);
        var area = await new AreaResolver(fixture.Store).ResolveAsync("Huntingdonshire");
        var direct = await new PeriodComparison(fixture.Store).BuildAsync(area, Period.Parse("2015"), Period.Parse("2016"), CategoryTrees.Load("seed"), []);

        var findings = sidecar.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        var decoded = Decoded(html);
        foreach (var (id, finding) in findings)
        {
            Assert.Contains($"data-finding=\"{id}\">{finding.GetProperty("sentence").GetString()}<", decoded, StringComparison.Ordinal);
        }

        var allCrime = findings["all-crime"];
        Assert.Equal("There were 8,257 police recorded crimes in Huntingdonshire in 2016, 11.3% more than in 2015 (7,416; a statistically significant increase).", allCrime.GetProperty("sentence").GetString());
        Assert.Equal((long)direct.Rows[0][2]!, allCrime.GetProperty("values").GetProperty("later").GetInt64());
        Assert.Equal((long)direct.Rows[0][1]!, allCrime.GetProperty("values").GetProperty("earlier").GetInt64());
        Assert.Contains("small numbers: compare with caution", findings["marker:human-trafficking"].GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("csa compare --area E07000011 --period 2015 --vs 2016 --tree seed", allCrime.GetProperty("command").GetString(), StringComparison.Ordinal);
        Assert.Contains("+ 94.0%", findings["financial-years"].GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Contains("- 44.6%", findings["triangulation"].GetProperty("sentence").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_HaveNoExternalReferences_AndTheSyntheticOneSaysSoOnItsCover()
    {
        using var scratch = TestPaths.NewScratchFolder();
        using var other = TestPaths.NewScratchFolder();
        var (seed, _, folder) = await WriteAsync(scratch, SeedConfig);
        var (real, realSidecar, _) = await WriteAsync(other, NorthumbriaConfig);

        foreach (var html in new[] { seed, real })
        {
            Assert.DoesNotMatch(External(), html);
            Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
        }

        Assert.Contains("data-synthetic=\"true\"", seed, StringComparison.Ordinal);
        Assert.DoesNotContain("data-synthetic", real, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "tables.xlsx")));
        // Figures 1–4 of the seed, and the victims' and offenders' pyramids: each as PNG and SVG, each in the HTML.
        Assert.Equal(6, Directory.GetFiles(Path.Combine(folder, "figures"), "*.png").Length);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(folder, "figures"), "*.svg").Length);
        Assert.Equal(6, seed.Split("<figure data-figure=").Length - 1);
        var gaps = realSidecar.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("id").GetString() == "data-gap").ToArray();
        Assert.Equal(2, gaps.Length);
        var (like, gap) = (gaps[0], gaps[1]);
        Assert.StartsWith("Like for like: compared over the same 11 months of each period (2021-02..2021-12 against 2022-02..2022-12)", like.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Data gap: no northumbria street data is held for 2022-01:", gap.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Contains("No data are held for 2022-01: the chart breaks there; a missing month is not a fall in crime.", Decoded(real), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadConfigs => new()
    {
        { "unknown section", "\"markers\",", "\"markers\", \"weather\"," },
        { "unknown category", "\"category\": \"All Violence Against The Person\"", "\"category\": \"All Violence\"" },
        { "missing narrative", "narrative/seed-introduction.md", "narrative/nowhere.md" },
        { "period outside the data", "\"earlier\": \"2015\"", "\"earlier\": \"2009\"" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task BadConfig_NamesTheKeyAndWritesNothing(string what, string find, string replace)
    {
        using var scratch = TestPaths.NewScratchFolder();
        var config = CopyExamples(scratch);
        var text = await File.ReadAllTextAsync(config);
        Assert.Contains(find, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, text.Replace(find, replace, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<CsaQueryException>(async () =>
            await ReportFiles.WriteAsync(await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(config)), scratch.File("out"), false));

        var key = what switch
        {
            "unknown section" => "sections: 'weather' is not a section csa writes",
            "unknown category" => "theme.category: 'All Violence' is not a row of the seed tree.",
            "missing narrative" => "narrative.introduction: the file",
            _ => "periods: Not held: no month of 2009-01..2009-12 (the earlier period) is held in the local police extract",
        };
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.File("out")));
    }

    [Fact]
    public async Task Findings_TheAnalystCanReplaceOrDeleteADraftedSentence()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var config = CopyExamples(scratch);
        var text = (await File.ReadAllTextAsync(config)).Replace(
            "\"findings\": {}",
            "\"findings\": { \"all-crime\": \"Crime rose in 2016, mostly through recording practice.\", \"marker:cyber\": \"\" }",
            StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, text);

        var report = await new AssessmentBuilder(new Analyses(fixture.Store)).BuildAsync(AssessmentConfig.Load(config));

        var allCrime = Assert.Single(report.Findings, f => f.Id == "all-crime");
        Assert.Equal("Crime rose in 2016, mostly through recording practice.", allCrime.Sentence);
        Assert.True(allCrime.ReplacedByAnalyst);
        Assert.DoesNotContain(report.Findings, f => f.Id == "marker:cyber");
        Assert.Contains("class=\"finding analyst\"", HtmlReportWriter.Render(report), StringComparison.Ordinal);
    }

    /// <summary>Copies the example configs, narratives and files into <paramref name="scratch"/>; returns the seed config's copy.</summary>
    static string CopyExamples(ScratchFolder scratch)
    {
        foreach (var file in Directory.GetFiles(ReportStoreFixture.Examples, "*", SearchOption.AllDirectories))
        {
            var target = scratch.File(Path.GetRelativePath(ReportStoreFixture.Examples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return scratch.File("report-seed-violence.json");
    }

    static string Text(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null => string.Empty,
        JsonValueKind.Number when cell.TryGetInt64(out var n) => ResultTable.CellText(n),
        JsonValueKind.Number => ResultTable.CellText(cell.GetDouble()),
        JsonValueKind.Object => cell.GetProperty("text").GetString()!,
        _ => cell.GetString()!,
    };

    static string Decoded(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<th(?:\\s[^>]*)?>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex Heading();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|@import""", RegexOptions.IgnoreCase)]
    private static partial Regex External();
}
