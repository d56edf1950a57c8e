using Csa.Core;
using Csa.Core.Geography;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Csa.Storage.DuckDb.Tests;

/// <summary>Opening real DuckDB store files in scratch folders, and reading everything a store reports.</summary>
static class StoreTestKit
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public static Task<DuckDbStore> OpenAsync(ScratchFolder scratch, string name = "store.duckdb") =>
        DuckDbStore.OpenAsync(scratch.File(name), Clock);

    public static async Task ImportLookupsAsync(ICsaStore store, params string[] files)
    {
        foreach (var file in files)
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await store.ImportGeographyAsync(lookup, source);
        }
    }

    public static Task<PoliceUkImportResult> ImportAsync(ICsaStore store, params string[] paths) =>
        new PoliceUkImporter(store).ImportAsync(paths);

    /// <summary>Everything the store reports: table counts, the ledger, and Huntingdonshire's counts by month and type.</summary>
    public static async Task<string> SnapshotAsync(ICsaStore store)
    {
        var lines = new List<string>();
        lines.AddRange((await store.GetTableCountsAsync()).Select(kv => $"{kv.Key}={kv.Value}"));
        lines.AddRange((await store.GetImportedFilesAsync()).Select(f => $"{f.Kind} {f.ForceSlug} {f.Month} {f.Source.Sha256} {f.Rows}"));
        var areas = await store.FindAreasAsync("E07000011");
        if (areas.Count == 1)
        {
            var counts = await store.CountAsync(new CountQuery(areas[0], Period.Parse("2019-01..2019-12"), CountGrouping.Month | CountGrouping.CrimeType));
            lines.AddRange(counts.Select(c => $"{c.Month} {c.CrimeType} {c.Count}"));
        }

        return string.Join("\n", lines);
    }

    /// <summary>Copies the bundled Cambridgeshire folder into <paramref name="scratch"/>, for edits (labelled synthetic by the tests that make them).</summary>
    public static string CopyCambridgeshire(ScratchFolder scratch)
    {
        var target = scratch.File("cambridgeshire");
        foreach (var file in Directory.EnumerateFiles(TestPaths.Cambridgeshire, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(TestPaths.Cambridgeshire, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public static Area Huntingdonshire { get; } = new("E07000011", "Huntingdonshire", AreaLevel.District, null);
}
