using System.Text.Json;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa reconcile</c> and <c>csa quality</c> on the real national July–September 2019 street files (exactly 2019/20
/// Q2) and the Home Office force-level table, both in ../shared/data (they must be there, as they are in CI).</summary>
public sealed class ReconcileCommandTests
{

    [Fact]
    public async Task EveryForceHeld_IsReconciled_AndMissingOrPartialStreetDataAreFlagged()
    {
        using var scratch = TestPaths.NewScratchFolder();
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "police-uk", TestPaths.SharedFile("police-uk", "national-2019-q3"))).ExitCode);
        Assert.Equal(0, (await CsaProcess.RunAsync(scratch, "import", "prc", TestPaths.SharedFile("prc", "prc-pfa-2012-13_to_2023-24q1.csv"))).ExitCode);

        var all = await CsaProcess.RunAsync(scratch, "reconcile", "--all", "--quarter", "2019/20Q2", "--json", scratch.File("all.json"));
        var one = await CsaProcess.RunAsync(scratch, "reconcile", "--force", "Cambridgeshire", "--quarter", "2019/20 Q2", "--json", scratch.File("one.json"));
        var quality = await CsaProcess.RunAsync(scratch, "quality");

        Assert.True(all.ExitCode == 0, all.Error);
        using var table = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("all.json")));
        var rows = table.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("Force").GetString()!);
        Assert.Equal(44, rows.Count);
        foreach (var missing in new[] { "Metropolitan Police Service", "West Midlands Police", "West Yorkshire Police", "Greater Manchester Police" })
        {
            Assert.Equal("street data not held", rows[missing].GetProperty("Flag").GetString());
            Assert.Equal(JsonValueKind.Null, rows[missing].GetProperty("Ratio (street ÷ Home Office)").ValueKind);
        }

        Assert.Equal("street data partial: 2019-07 not held", rows["Thames Valley Police"].GetProperty("Flag").GetString());
        Assert.Equal("street data partial: 2019-09 not held", rows["British Transport Police"].GetProperty("Flag").GetString());
        var whole = rows.Values.Where(r => r.GetProperty("Flag").GetString() == string.Empty).ToArray();
        Assert.Equal(38, whole.Length);
        Assert.All(whole, r => Assert.InRange(r.GetProperty("Ratio (street ÷ Home Office)").GetDouble(), 0.8, 1.2));
        Assert.Equal(17_418, rows["Cambridgeshire Constabulary"].GetProperty("Home Office").GetInt64());
        Assert.Equal(17_640, rows["Cambridgeshire Constabulary"].GetProperty("data.police.uk").GetInt64());

        Assert.True(one.ExitCode == 0, one.Error);
        using var detail = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.File("one.json")));
        var total = detail.RootElement.EnumerateArray().Last();
        Assert.Equal("All crime (fraud left out)", total.GetProperty("Category").GetString());
        Assert.Equal(1.013, total.GetProperty("Ratio (street ÷ Home Office)").GetDouble());
        Assert.Equal(13, detail.RootElement.GetArrayLength() - 1);

        var notes = System.Text.RegularExpressions.Regex.Replace(quality.Output, @"\s+", " "); // the screen wraps long notes at a space
        Assert.Contains("Against the Home Office tables, 2019/20 Q2: Greater Manchester Police: street data not held; Metropolitan Police Service: street data not held; Thames Valley Police: street data partial: 2019-07 not held", notes, StringComparison.Ordinal);
        Assert.Contains("British Transport Police: street data partial: 2019-09 not held", notes, StringComparison.Ordinal);
    }
}
