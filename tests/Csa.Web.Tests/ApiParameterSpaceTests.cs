using System.Text.Json;
using Xunit.Abstractions;

namespace Csa.Web.Tests;

/// <summary>A property test over the API's parameter space: every GET endpoint the OpenAPI document describes, every parameter
/// given each value of a pool of valid, odd and hostile values (one at a time, the others valid), plus seeded random mixes.
/// Every answer is a 2xx or a 4xx, never a 5xx (the 503 of a busy store is tested with a second process, in the CLI tests).
/// New endpoints and parameters join the test through the document, with no change here.</summary>
[Collection(AtlasStoreGroup.Name)]
public sealed class ApiParameterSpaceTests(AtlasStoreFixture fixture, ITestOutputHelper output)
{
    /// <summary>A valid value for each parameter name, so that one odd value at a time reaches the code behind validation.</summary>
    static readonly Dictionary<string, string> Valid = new(StringComparer.Ordinal)
    {
        ["q"] = "Hunt",
        ["area"] = "Huntingdonshire",
        ["period"] = "2019-07..2019-09",
        ["category"] = "All crime",
        ["current"] = "2019-09",
        ["previous"] = "2019-08",
        ["level"] = "ward",
        ["group"] = "E07000011,E07000008,E07000012",
        ["nearest"] = "3",
        ["fdr"] = "true",
        ["marker"] = string.Empty,
    };

    /// <summary>Values every parameter is given (null: left out).</summary>
    static readonly string?[] Pool =
    [
        null, "", " ", "Huntingdonshire", "E07000011", "E05002778", "E01017958", "E12000006", "huntingdonshire", "Ynys Môn",
        "2019-07..2019-09", "2019-09", "2019", "FY2016/17", "FY2019/20", "1900-01..2019-09", "2999-12", "1900-01..2999-12",
        "2019-09..2019-07", "2019-13", "2019-00", "0000-01", "FY2019/21", "2019-07..", "..2019-07",
        "All crime", "Bicycle theft", "Violence and sexual offences", "Anti-social behaviour", "ward", "lsoa", "LSOA",
        "true", "false", "0", "-1", "1", "99999999999999999999", "NaN", "1e308",
        "E07000011,E07000011", ",,,", "E07000011,nowhere", "domestic", "alcohol",
        "' OR 1=1 --", "\"; DROP TABLE crime; --", "../../etc/passwd", "<script>alert(1)</script>", "%00", "\u0000", "\uFFFF",
        new string('a', 10_000), string.Concat(Enumerable.Repeat("E07000011,", 2_000)),
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryEndpoint_AnswersEveryValueWith2xxOr4xx(bool isPublic)
    {
        using var atlas = fixture.Atlas(isPublic);
        using var client = isPublic ? atlas.CreateClient() : await AtlasApiTests.LoggedInAsync(atlas);
        var endpoints = await EndpointsAsync(client);
        var random = new Random(20261130);
        var failures = new List<string>();
        var asked = 0;

        foreach (var (path, parameters) in endpoints)
        {
            var requests = new List<Dictionary<string, string?>>();
            foreach (var parameter in parameters)
            {
                requests.AddRange(Pool.Select(value => parameters.ToDictionary(p => p, p => p == parameter ? value : Valid.GetValueOrDefault(p))));
            }

            requests.AddRange(Enumerable.Range(0, 12).Select(_ => parameters.ToDictionary(p => p, _ => Pool[random.Next(Pool.Length)])));
            foreach (var query in requests)
            {
                var url = path + "?" + string.Join("&", query.Where(q => q.Value is not null).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}"));
                using var response = await client.GetAsync(url);
                asked++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} {url[..Math.Min(url.Length, 200)]}");
                }
            }
        }

        output.WriteLine($"{asked:N0} requests to {endpoints.Count} endpoints ({(isPublic ? "public" : "restricted")}); {failures.Count} answered 5xx.");
        Assert.True(endpoints.Count >= 10, $"the OpenAPI document lists {endpoints.Count} GET endpoints with parameters");
        Assert.Empty(failures);
    }

    /// <summary>The GET /api endpoints of the OpenAPI document, with their query parameters.</summary>
    static async Task<List<(string Path, string[] Parameters)>> EndpointsAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var endpoints = new List<(string, string[])>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (path.Name.StartsWith("/api/", StringComparison.Ordinal) && path.Value.TryGetProperty("get", out var get))
            {
                var parameters = get.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToArray()
                    : [];
                endpoints.Add((path.Name, parameters));
            }
        }

        return endpoints;
    }
}
