using System.IO.Compression;
using System.Text;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Hostile and damaged zip archives (SYNTHETIC: real street rows, changed as an attacker or a broken download would) are
/// refused by <c>csa import police-uk</c> with the entry named and the reason, no stack trace, and the store unchanged.</summary>
public sealed class HostileArchiveTests : IDisposable
{
    const string Entry = "2019-09/2019-09-cambridgeshire-street.csv";
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    static byte[] RealStreetFile => File.ReadAllBytes(Path.Combine(TestPaths.Cambridgeshire, "2019-09", "2019-09-cambridgeshire-street.csv"));

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task AnUndamagedArchive_Imports()
    {
        var zip = _scratch.File("good.zip");
        HostileZip.Write(zip, Entry, RealStreetFile, CompressionLevel.Optimal);

        var result = await CsaProcess.RunAsync(_scratch, "import", "police-uk", zip);

        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public async Task ADamagedEntry_FailsItsCrc_AndNothingIsImported()
    {
        var zip = _scratch.File("damaged.zip");
        HostileZip.Write(zip, Entry, RealStreetFile, CompressionLevel.NoCompression);

        // One byte of an LSOA code changed: without the CRC check the rows would land in the wrong LSOA.
        var text = Encoding.UTF8.GetString(RealStreetFile);
        HostileZip.DamageData(zip, text.IndexOf("E01", 200, StringComparison.Ordinal) + 5);

        await AssertRefusedAsync(["import", "police-uk", zip], "damaged.zip!" + Entry, "CRC-32");
    }

    [Theory]
    [InlineData(12, "BZip2")]
    [InlineData(14, "LZMA")]
    public async Task AnEntryInAnUnreadableCompressionMethod_IsAClearError(ushort method, string name)
    {
        var zip = _scratch.File("method.zip");
        HostileZip.Write(zip, Entry, RealStreetFile, CompressionLevel.NoCompression);
        HostileZip.SetMethod(zip, method);

        var error = await AssertRefusedAsync(["import", "police-uk", zip], "method.zip!" + Entry, "csa cannot read this entry");
        Assert.Contains(name, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnEncryptedEntry_IsAClearError()
    {
        var zip = _scratch.File("secret.zip");
        HostileZip.Write(zip, Entry, RealStreetFile, CompressionLevel.Optimal);
        HostileZip.MarkEncrypted(zip);

        await AssertRefusedAsync(["import", "police-uk", zip], "secret.zip!" + Entry, "encrypted");
    }

    [Fact]
    public async Task AnEntryThatExpandsMoreThanTheRatio_IsRefusedBeforeItIsRead()
    {
        var zip = _scratch.File("bomb.zip");
        var (header, row) = HeaderAndRow();
        HostileZip.WriteRepeated(zip, Entry, header, row, 40_000); // about 8 MB of one row repeated: over 1,000:1

        await AssertRefusedAsync(["import", "police-uk", zip], "bomb.zip!" + Entry, "over the limit of 100:1 (--max-ratio)");
    }

    [Fact]
    public async Task AnEntryOrArchiveOverTheSizeLimits_IsRefused_AndTheLimitsAreConfigurable()
    {
        var zip = _scratch.File("big.zip");
        HostileZip.Write(zip, Entry, RealStreetFile, CompressionLevel.Optimal);

        await AssertRefusedAsync(["import", "police-uk", zip, "--max-entry-size", "64KiB"], "big.zip!" + Entry, "over the limit of 64 KiB for one entry (--max-entry-size)");
        await AssertRefusedAsync(["import", "police-uk", TestPaths.NationalSlice, "--max-archive-size", "1MiB"], "national-2019-q3-slice.zip", "over the limit of 1 MiB for one archive (--max-archive-size)");
        var bad = await CsaProcess.RunAsync(_scratch, "import", "police-uk", zip, "--max-entry-size", "lots");
        Assert.Contains("--max-entry-size: 'lots' is not a size", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryHoldingMoreThanItsHeaderDeclares_IsStoppedAtTheDeclaredLength()
    {
        // Stored: .NET reads every stored byte, and csa's guard stops at the declared length.
        var stored = _scratch.File("lying-stored.zip");
        HostileZip.Write(stored, Entry, RealStreetFile, CompressionLevel.NoCompression);
        HostileZip.DeclareLength(stored, 1000);

        // Deflated: .NET's inflater stops at the declared length, and the CRC-32 of what it gave does not match.
        var deflated = _scratch.File("lying-deflated.zip");
        HostileZip.Write(deflated, Entry, RealStreetFile, CompressionLevel.Optimal);
        HostileZip.DeclareLength(deflated, 1000);

        await AssertRefusedAsync(["import", "police-uk", stored], "lying-stored.zip!" + Entry, "holds more than the 1,000 bytes its header declares");
        await AssertRefusedAsync(["import", "police-uk", deflated], "lying-deflated.zip!" + Entry, "CRC-32");
    }

    [Fact]
    public async Task ARowOverTheLimit_IsAnErrorWithFileAndLine()
    {
        var file = _scratch.File("2019-09-cambridgeshire-street.csv");
        var text = Encoding.UTF8.GetString(RealStreetFile).Split('\n');
        text[3] = text[3].TrimEnd('\r') + new string('x', 2 << 20);
        File.WriteAllText(file, string.Join('\n', text));

        await AssertRefusedAsync(["import", "police-uk", file], "2019-09-cambridgeshire-street.csv:4", "longer than 1,048,576 characters");
    }

    /// <summary>A 1 GB zip bomb, and one whose header understates it, imported by csa in a child process whose managed heap is
    /// capped at 256 MiB: each is refused with a clear error, and the process ends normally.</summary>
    [Fact]
    public async Task A1GBZipBomb_IsRefused_WithinAHeapLimit()
    {
        var zip = _scratch.File("bomb.zip");
        var (header, row) = HeaderAndRow();
        var block = Enumerable.Range(0, 4096).SelectMany(_ => row).ToArray();
        HostileZip.WriteRepeated(zip, Entry, header, block, 1_000_000_000 / block.Length);
        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.InRange(archive.Entries.Single().Length, 999_000_000, 1L << 30); // 1 GB: under the entry limit, so the ratio must stop it
        }

        var heapLimit = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" };

        var plain = await CsaProcess.RunWithEnvironmentAsync(_scratch.Path, heapLimit, "import", "police-uk", zip);
        Assert.True(plain.ExitCode == ExitCodes.BadInput, plain.Output + plain.Error);
        Assert.True(plain.Error.Contains("over the limit of 100:1", StringComparison.Ordinal), plain.Error);

        HostileZip.DeclareLength(zip, 900_000);
        var understated = await CsaProcess.RunWithEnvironmentAsync(_scratch.Path, heapLimit, "import", "police-uk", zip);
        Assert.True(understated.ExitCode == ExitCodes.BadInput, understated.Output + understated.Error);
        Assert.True(understated.Error.Contains("its CRC-32 is", StringComparison.Ordinal), understated.Error);
    }

    static (byte[] Header, byte[] Row) HeaderAndRow()
    {
        var lines = Encoding.UTF8.GetString(RealStreetFile).Split('\n');
        return (Encoding.UTF8.GetBytes(lines[0] + "\n"), Encoding.UTF8.GetBytes(lines[1].TrimEnd('\r') + "\n"));
    }

    async Task<string> AssertRefusedAsync(string[] args, string where, string why)
    {
        var before = await FingerprintAsync();
        var result = await CsaProcess.RunAsync(_scratch, args);

        Assert.True(result.ExitCode == ExitCodes.BadInput, $"exit {result.ExitCode}: {result.Output}{result.Error}");
        Assert.Contains(where, result.Error, StringComparison.Ordinal);
        Assert.Contains(why, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync());
        return result.Error;
    }

    async Task<string> FingerprintAsync()
    {
        await using var store = await DuckDbStore.OpenAsync(_scratch.File("csa.duckdb"), TimeProvider.System);
        var counts = await store.GetTableCountsAsync();
        return string.Join(";", counts.Select(c => $"{c.Key}={c.Value}"));
    }
}
