using System.Net;
using System.Text.Json;
using Csa.Analysis.Places;
using Csa.Core;
using Csa.Statistics;
using Csa.Tests;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace Csa.Web.Tests;

/// <summary>The automatic attacker: it asks the public atlas every extract question its OpenAPI document allows for the
/// sample (every district, partnership and force area of the extract's force, every calendar year, financial year and
/// part year around the extract, every marker), turns every published figure into linear equations over the hidden
/// cells (an area against its districts, a marker's count against its pyramids, victims against offenders), and bounds
/// each hidden cell by linear programming (METHODS.md §1.10). Street counts are data.police.uk's own published records:
/// the public atlas shows them as the restricted one does, and says so.</summary>
[Collection(AtlasStoreGroup.Name)]
public sealed class PublicAnswerSetAttackTests(AtlasStoreFixture fixture, ITestOutputHelper output)
{
    /// <summary>Cambridgeshire's police force area: the extract's force (a SYNTHETIC Huntingdonshire extract).</summary>
    const string ForceArea = "E23000023";

    static readonly WebApplicationFactoryClientOptions Options = new() { AllowAutoRedirect = false };

    /// <summary>The lists of counts in street answers (places of a map, months of a series).</summary>
    static readonly string[] Lists = ["places", "months"];

    /// <summary>The sexes of a pyramid band, as the API names them.</summary>
    static readonly string[] SexFields = ["female", "male", "unknownSex"];

    [Fact]
    public async Task Attacker_OverThePublicAnswerSet_PinsNoHiddenExtractCell()
    {
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        var answers = await AnswerSet.CollectAsync(client);
        var bounds = DisclosureAudit.Attack(answers.Cells, answers.Equations);

        var disclosed = bounds.Where(b => b.IsDisclosed).ToArray();
        output.WriteLine($"public extract questions asked {answers.Asked}, answered {answers.Answered}, refused {answers.Refused}; " +
                         $"cells {answers.Cells.Count}, hidden {bounds.Count}, equations {answers.Equations.Count}; disclosed {disclosed.Length}");
        Assert.True(answers.Answered >= 100, $"{answers.Answered} answers");
        Assert.True(bounds.Count > 0, "the sample has small extract counts to hide");
        Assert.Empty(disclosed.Select(d => $"{d.Cell} ∈ [{d.Min}, {d.Max}]"));
        Assert.DoesNotContain(answers.Cells.Values, v => v is >= 1 and <= 4);
    }

    [Fact]
    public async Task Control_WithoutSecondarySuppression_TheSameAttackerFindsHiddenCells()
    {
        using var atlas = fixture.Atlas(isPublic: true, ("Atlas:SecondarySuppression", "false"));
        using var client = atlas.CreateClient(Options);

        var answers = await AnswerSet.CollectAsync(client);
        var disclosed = DisclosureAudit.Attack(answers.Cells, answers.Equations).Where(b => b.IsDisclosed).ToArray();

        output.WriteLine($"without secondary suppression: {disclosed.Length} hidden cells disclosed, for example {string.Join("; ", disclosed.Take(3).Select(d => $"{d.Cell} ∈ [{d.Min}, {d.Max}]"))}");
        Assert.NotEmpty(disclosed);
    }

    [Theory]
    [InlineData("/api/markers?area=Huntingdonshire&period=2016")]
    [InlineData("/api/pyramid?area=Huntingdonshire&period=2016&marker=domestic-abuse")]
    [InlineData("/api/pyramid?area=Huntingdonshire&period=FY2010/11")]
    [InlineData("/api/markers?area=Huntingdonshire&period=FY2016/17")]
    [InlineData("/api/markers?area=Huntingdonshire&period=2016-04..2017-02")]
    [InlineData("/api/markers?area=E05011261&period=FY2015/16")]
    public async Task Regression_TheSweepsDifferencingQuestions_AreRefused(string url)
    {
        // The 2026-11 sweep subtracted calendar-year answers from financial-year ones, and used years only partly inside the
        // extract (FY2010/11 is March 2011 alone; FY2016/17 lacks March 2017) and wards: none is answered now.
        using var atlas = fixture.Atlas(isPublic: true);
        using var client = atlas.CreateClient(Options);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Public answers give figures from the force's extract", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreetCounts_AreTheRestrictedAtlasCounts_AndSaySo()
    {
        using var open = fixture.Atlas(isPublic: true);
        using var restricted = fixture.Atlas(isPublic: false);
        using var client = open.CreateClient(Options);
        using var analyst = await AtlasApiTests.LoggedInAsync(restricted);

        foreach (var url in new[]
        {
            "/api/wards?area=Huntingdonshire&period=2019-09&category=Robbery",
            "/api/lsoas?area=Huntingdonshire&period=2019-07..2019-09&category=Drugs",
            "/api/series?area=Huntingdonshire&category=Bicycle%20theft",
            "/api/compare?area=E05011261&current=2019-09&category=All%20crime",
        })
        {
            var body = await client.GetStringAsync(url);
            using var shown = JsonDocument.Parse(body);
            using var full = JsonDocument.Parse(await analyst.GetStringAsync(url));
            var counts = Lists.Where(p => shown.RootElement.TryGetProperty(p, out _)).ToArray();
            foreach (var list in counts)
            {
                Assert.Equal(
                    full.RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetRawText()),
                    shown.RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetRawText()));
            }

            Assert.Contains("without suppression", body, StringComparison.Ordinal);
        }
    }

    /// <summary>The public answers to every extract question, as cells (null: hidden) and the equations among them.</summary>
    sealed class AnswerSet
    {
        public Dictionary<string, long?> Cells { get; } = new(StringComparer.Ordinal);

        public List<DisclosureAudit.Equation> Equations { get; } = [];

        public int Asked { get; private set; }

        public int Answered { get; private set; }

        public int Refused { get; private set; }

        public static async Task<AnswerSet> CollectAsync(HttpClient client)
        {
            // The parameter space comes from the API's own description and its config.
            using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
            var paths = openApi.RootElement.GetProperty("paths");
            string[] Parameters(string path) => [.. paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
            Assert.Equal(["area", "period", "marker"], Parameters("/api/pyramid"));
            Assert.Equal(["area", "period"], Parameters("/api/markers"));
            using var config = JsonDocument.Parse(await client.GetStringAsync("/api/config"));
            var markers = config.RootElement.GetProperty("markers").EnumerateObject().Select(m => m.Name).ToArray();
            var extract = Period.Parse(config.RootElement.GetProperty("extractMonths").GetString()!);

            // Every district, partnership and force area of the extract's force, from the ONS lookup (not from csa).
            var hierarchy = File.ReadLines(TestPaths.DistrictHierarchy).Skip(1).Select(l => l.Split(',')).Where(f => f[5] == ForceArea).ToArray();
            var districts = hierarchy.Select(f => f[1]).Distinct().ToArray();
            var parents = hierarchy.GroupBy(f => f[3]).Select(g => (Code: g.Key, Children: g.Select(f => f[1]).Distinct().ToArray()))
                .Append((Code: ForceArea, Children: districts)).ToArray();
            var periods = Enumerable.Range(extract.From.Year - 1, extract.To.Year - extract.From.Year + 2)
                .SelectMany(y => new[] { $"{y}", $"FY{y}/{(y + 1) % 100:D2}", $"{y}-04..{y + 1}-02", $"{y}-03" }).ToArray();

            var set = new AnswerSet();
            var answeredPeriods = new HashSet<string>(StringComparer.Ordinal);
            foreach (var area in districts.Concat(parents.Select(p => p.Code)).Distinct())
            {
                foreach (var period in periods)
                {
                    if (await set.AskAsync(client, $"/api/markers?area={area}&period={period}", json => set.AddMarkers(area, period, json)))
                    {
                        answeredPeriods.Add(period);
                        foreach (var marker in markers.Prepend(null))
                        {
                            await set.AskAsync(client, $"/api/pyramid?area={area}&period={period}{(marker is null ? "" : "&marker=" + marker)}", json => set.AddPyramid(area, period, marker, json));
                        }
                    }
                }
            }

            // Answered periods never overlap, so no answer can be subtracted from another over time.
            var answered = answeredPeriods.Select(Period.Parse).OrderBy(p => p.From).ToArray();
            Assert.All(answered.Zip(answered.Skip(1)), pair => Assert.True(pair.First.To < pair.Second.From, $"{pair.First} overlaps {pair.Second}"));

            set.AddRelations(parents, markers, answeredPeriods);
            return set;
        }

        async Task<bool> AskAsync(HttpClient client, string url, Action<JsonElement> add)
        {
            Asked++;
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Refused++;
                return false;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
            Answered++;
            using var json = JsonDocument.Parse(body);
            add(json.RootElement);
            return true;
        }

        static long? Value(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();

        void AddMarkers(string area, string period, JsonElement json)
        {
            foreach (var marker in json.GetProperty("markers").EnumerateArray())
            {
                Cells[$"{area}|{period}|marker|{marker.GetProperty("marker").GetString()}"] = Value(marker.GetProperty("crimes"));
            }
        }

        void AddPyramid(string area, string period, string? marker, JsonElement json)
        {
            foreach (var role in new[] { "victims", "offenders" })
            {
                foreach (var band in json.GetProperty(role).EnumerateArray())
                {
                    foreach (var sex in SexFields)
                    {
                        Cells[PyramidCell(area, period, marker, role, band.GetProperty("band").GetString()!, sex)] = Value(band.GetProperty(sex));
                    }
                }
            }
        }

        static string PyramidCell(string area, string period, string? marker, string role, string band, string sex) =>
            $"{area}|{period}|pyramid|{marker ?? "all"}|{role}|{band}|{sex}";

        IEnumerable<string> RoleCells(string area, string period, string? marker, string role) =>
            AgeSexPyramid.Bands.Select(b => b.Label).Append(AgeSexPyramid.UnknownAge)
                .SelectMany(band => SexFields.Select(sex => PyramidCell(area, period, marker, role, band, sex)))
                .Where(Cells.ContainsKey);

        void AddRelations(IEnumerable<(string Code, string[] Children)> parents, string[] markers, IEnumerable<string> periods)
        {
            var areas = Cells.Keys.Select(k => k.Split('|')[0]).Distinct().ToArray();
            foreach (var period in periods)
            {
                // An area is the sum of its districts, cell by cell.
                foreach (var (parent, children) in parents)
                {
                    foreach (var cell in Cells.Keys.Where(k => k.StartsWith($"{parent}|{period}|", StringComparison.Ordinal)).ToArray())
                    {
                        var suffix = cell[(parent.Length + 1)..];
                        var parts = children.Select(c => $"{c}|{suffix}").ToArray();
                        if (parts.All(Cells.ContainsKey))
                        {
                            Equations.Add(new([(cell, 1), .. parts.Select(p => (p, -1))]));
                        }
                    }
                }

                foreach (var area in areas)
                {
                    foreach (var marker in markers)
                    {
                        var count = $"{area}|{period}|marker|{marker}";
                        foreach (var role in new[] { "victims", "offenders" })
                        {
                            var cells = RoleCells(area, period, marker, role).ToArray();
                            if (Cells.ContainsKey(count) && cells.Length > 0)
                            {
                                Equations.Add(new([(count, 1), .. cells.Select(c => (c, -1))]));
                            }
                        }
                    }

                    foreach (var marker in markers.Prepend(null))
                    {
                        var (victims, offenders) = (RoleCells(area, period, marker, "victims").ToArray(), RoleCells(area, period, marker, "offenders").ToArray());
                        if (victims.Length > 0 && offenders.Length > 0)
                        {
                            Equations.Add(new([.. victims.Select(c => (c, 1)), .. offenders.Select(c => (c, -1))]));
                        }
                    }
                }
            }
        }
    }
}
