using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>The CLI and the API accept the same periods: each text below is given to <c>csa compare --period</c> (parsed as
/// the command line parses it) and to the atlas's <c>/api/compare?previous=</c> (a real <c>csa serve</c>), and both accept it
/// or both refuse it.</summary>
public sealed class PeriodParityTests
{
    static readonly string[] Texts =
    [
        "2019-07..2019-09", "2019-09", "2019", "FY2019/20", "fy2019/20", " 2019-07 .. 2019-09 ", "1900-01..2019-09", "2999-12",
        "1900-01..2999-12", "1899-12", "3000-01", "2019-09..2019-07", "2019-13", "2019-7", "19-07", "FY2019/21", "FY1899/00",
        "FY2999/00", "2019-07..", "..2019-07", "2019-07...2019-09", "", "abc", "2019-07..2019-09..2019-12",
    ];

    [Fact]
    public async Task TheCliAndTheApi_AcceptTheSamePeriods()
    {
        using var scratch = TestPaths.NewScratchFolder();
        await using (var atlas = await RunningAtlas.StartAsync(scratch))
        {
            var http = atlas.Http;
            var disagreements = new List<string>();
            var refused = 0;
            foreach (var text in Texts)
            {
                var cli = CsaCommandLine.Build().Parse(["compare", "--area", "Huntingdonshire", "--period", text, "--vs", "2019-09"]);
                var cliAccepts = !cli.Errors.Any(e => e.Message.StartsWith("--period", StringComparison.Ordinal));
                using var response = await http.GetAsync($"/api/compare?area=Huntingdonshire&current=2019-09&previous={Uri.EscapeDataString(text)}");
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var apiAccepts = !(body.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty("previous", out _));
                refused += apiAccepts ? 0 : 1;
                if (cliAccepts != apiAccepts)
                {
                    disagreements.Add($"'{text}': the CLI {(cliAccepts ? "accepts" : "refuses")} it, the API {(apiAccepts ? "accepts" : "refuses")} it");
                }
            }

            Assert.Empty(disagreements);
            Assert.InRange(refused, 12, Texts.Length - 7); // both kinds are seen: the test can tell acceptance from refusal
        }
    }
}
