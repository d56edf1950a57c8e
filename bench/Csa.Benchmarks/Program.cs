using System.Globalization;
using System.IO.Compression;
using Csa.Benchmarks;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Ingest.Geography;

// Import benchmark (issue #2): csa's import against DuckDB's own read_csv of the same files, in one run.
// Usage: dotnet run --project bench/Csa.Benchmarks -c Release [-- --rows N --runs N]
//        dotnet run --project bench/Csa.Benchmarks -c Release -- --atlas [--clients 50 --seconds 20]   (the atlas load test)
//        dotnet run --project bench/Csa.Benchmarks -c Release -- --atlas-postgres [--server CONN] [--replica CONN]   (the atlas on PostgreSQL beside DuckDB, and two instances on a replica)
//        dotnet run --project bench/Csa.Benchmarks -c Release -- --prc [--ods-rows 2000000]           (the Home Office tables)
//        dotnet run --project bench/Csa.Benchmarks -c Release -- --import-process [--pairs 5 --zips DIR --csa PROGRAM] (whole import processes)
//        dotnet run --project bench/Csa.Benchmarks -c Release -- --import-floor [--runs 3 --zips DIR] (the import's parts, one at a time)
//        dotnet run --project bench/Csa.Benchmarks -c Release -- --growth [--sizes 1,3,12,36 --rows 500000 --csa PROGRAM] (SYNTHETIC months)
//        dotnet run --project bench/Csa.Benchmarks -c Release -- --startup [--rounds 15 --csa DLL]    (whole command processes)
//        dotnet run --project bench/Csa.Benchmarks -c Release -- --postgres-import [--server CONN --pairs 3 --zips DIR --csa PROGRAM] (into PostgreSQL)
if (args is ["--reference-query", var referenceStore, var district, var from, var to])
{
    // The start-up benchmark's reference process: the runtime, DuckDB and one query, nothing else.
    return StartupBench.Reference(referenceStore, district, from, to) > 0 ? 0 : 1;
}

if (args is ["--reference-read-csv", var extractedFolder, var referenceDatabase])
{
    // The import benchmark's reference process: the runtime and DuckDB's read_csv, nothing else.
    return ImportProcessBench.ReferenceReadCsv(extractedFolder, referenceDatabase) > 0 ? 0 : 1;
}

if (args is ["--reference-copy", var copyFolder, var copyDatabase])
{
    // The PostgreSQL import benchmark's reference process: the runtime and PostgreSQL's own COPY, nothing else.
    return PostgresImportBench.ReferenceCopy(copyFolder, copyDatabase) > 0 ? 0 : 1;
}

if (args.Contains("--postgres-import"))
{
    var zipFolder = ArgText("--zips") ?? Path.Combine(FindRepository(), "..", "shared", "data", "police-uk", "national-2019-q3");
    var server = ArgText("--server") ?? Environment.GetEnvironmentVariable("CSA_TEST_POSTGRES")
        ?? throw new InvalidOperationException("--postgres-import needs a PostgreSQL server: --server \"Host=…;Username=…\" or CSA_TEST_POSTGRES.");
    await InScratchAsync("postgres-import", folder =>
    {
        PostgresImportBench.Run(FindRepository(), folder, zipFolder, server, ArgValue("--pairs", 3), ArgText("--csa"));
        return Task.CompletedTask;
    });
    return 0;
}

if (args.Contains("--import-process"))
{
    var zipFolder = ArgText("--zips") ?? Path.Combine(FindRepository(), "..", "shared", "data", "police-uk", "national-2019-q3");
    await InScratchAsync("import", folder =>
    {
        ImportProcessBench.Run(FindRepository(), folder, zipFolder, ArgValue("--pairs", 5), ArgText("--csa"));
        return Task.CompletedTask;
    });
    return 0;
}

if (args.Contains("--import-floor"))
{
    var zipFolder = ArgText("--zips") ?? Path.Combine(FindRepository(), "..", "shared", "data", "police-uk", "national-2019-q3");
    await InScratchAsync("import-floor", folder => ImportFloorBench.RunAsync(folder, zipFolder, ArgValue("--runs", 3)));
    return 0;
}

if (args.Contains("--growth"))
{
    var sizes = (ArgText("--sizes") ?? "1,3,12,36").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
    var lsoas = await LsoasByForceAreaAsync(FindRepository());
    await InScratchAsync("growth", folder => GrowthBench.RunAsync(FindRepository(), folder, sizes, ArgValue("--rows", 500_000), ArgText("--csa"), lsoas));
    return 0;
}

if (args.Contains("--startup"))
{
    await InScratchAsync("startup", folder => StartupBench.RunAsync(FindRepository(), folder, ArgValue("--rounds", 15), ArgText("--csa")));
    return 0;
}

if (args.Contains("--prc"))
{
    await InScratchAsync("prc", folder => PrcBench.RunAsync(FindRepository(), folder, ArgValue("--ods-rows", 2_000_000)));
    return 0;
}

if (args.Contains("--atlas-postgres"))
{
    var server = ArgText("--server") ?? Environment.GetEnvironmentVariable("CSA_TEST_POSTGRES")
        ?? throw new InvalidOperationException("--atlas-postgres needs a PostgreSQL server: --server \"Host=…;Username=…\" or CSA_TEST_POSTGRES (and --replica for a streaming replica of it).");
    await InScratchAsync("atlas-postgres", folder => AtlasPostgresBench.RunAsync(FindRepository(), folder, server, ArgText("--replica"), ArgValue("--clients", 50), TimeSpan.FromSeconds(ArgValue("--seconds", 20))));
    return 0;
}

if (args.Contains("--atlas"))
{
    await InScratchAsync("atlas", folder => AtlasLoadBench.RunAsync(FindRepository(), folder, ArgValue("--clients", 50), TimeSpan.FromSeconds(ArgValue("--seconds", 20))));
    return 0;
}

var rows = ArgValue("--rows", 550_000);
var runs = ArgValue("--runs", 3);
var repository = FindRepository();
var scratch = Path.Combine(Path.GetTempPath(), "csa-bench-" + Environment.ProcessId);
Directory.CreateDirectory(scratch);
try
{
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    var synthetic = Path.Combine(scratch, "synthetic-national-2019-07");
    var written = SyntheticNationalMonth.Write(synthetic, new Month(2019, 7), rows, seed: 20191, await LsoasByForceAreaAsync(repository));
    Console.WriteLine($"SYNTHETIC national month: {written:N0} street rows over 43 forces in {synthetic}");
    await CompareAsync("synthetic national month", synthetic, scratch, runs);

    var national = Path.Combine(repository, "..", "shared", "data", "police-uk", "national-2019-q3");
    if (Directory.Exists(national))
    {
        var extracted = Path.Combine(scratch, "national-2019-q3");
        foreach (var zip in Directory.EnumerateFiles(national, "*.zip"))
        {
            ZipFile.ExtractToDirectory(zip, extracted);
        }

        await CompareAsync("real national July–September 2019 (40 forces, extracted)", extracted, scratch, runs);
        var fromZips = await ImportBench.CsaImportAsync(national, scratch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   csa import straight from the three zips (as a user runs it): {fromZips.Seconds:F2} s  {fromZips.RowsPerSecond:N0} rows/s"));
    }
    else
    {
        Console.WriteLine($"skipped the real national files: {national} is not there");
    }
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

return 0;

static async Task CompareAsync(string label, string folder, string scratch, int runs)
{
    var csa = new List<ImportBench.Timing>();
    var raw = new List<ImportBench.Timing>();
    for (var run = 0; run < runs; run++)
    {
        // Alternate, so that neither side always runs on a warmer cache.
        raw.Add(await ImportBench.DuckDbReadCsvAsync(folder, scratch));
        csa.Add(await ImportBench.CsaImportAsync(folder, scratch));
    }

    var csaMedian = csa.OrderBy(t => t.Seconds).ElementAt(runs / 2);
    var rawMedian = raw.OrderBy(t => t.Seconds).ElementAt(runs / 2);
    var c = CultureInfo.InvariantCulture;
    Console.WriteLine($"== {label}: {csaMedian.Rows:N0} rows, median of {runs} runs");
    Console.WriteLine(string.Create(c, $"   csa import (validate + store, one transaction): {csaMedian.Seconds,7:F2} s  {csaMedian.RowsPerSecond,10:N0} rows/s"));
    Console.WriteLine(string.Create(c, $"   DuckDB read_csv into a plain table:             {rawMedian.Seconds,7:F2} s  {rawMedian.RowsPerSecond,10:N0} rows/s"));
    Console.WriteLine(string.Create(c, $"   ratio csa / read_csv: {csaMedian.Seconds / rawMedian.Seconds:F2} (target at most 1.5)"));
    Console.WriteLine(string.Create(c, $"   peak working set of this process so far: {csa.Max(t => t.PeakWorkingSetBytes) / 1048576.0:N0} MiB"));
}

static async Task<Dictionary<string, List<string>>> LsoasByForceAreaAsync(string repository)
{
    var geography = Path.Combine(repository, "data", "sample", "geography");
    var (districts, _) = await GeographyLookupReader.ReadAsync(Path.Combine(geography, "lad19-csp19-pfa19.csv"));
    var (lsoas, _) = await GeographyLookupReader.ReadAsync(Path.Combine(geography, "lsoa11-ward19-lad19.csv"));
    var forceAreaOfDistrict = ((DistrictHierarchyLookup)districts).Rows
        .GroupBy(d => d.DistrictCode)
        .ToDictionary(g => g.Key, g => g.First().ForceAreaCode);
    return ((LsoaWardDistrictLookup)lsoas).Rows
        .Where(l => forceAreaOfDistrict.ContainsKey(l.DistrictCode))
        .GroupBy(l => forceAreaOfDistrict[l.DistrictCode])
        .ToDictionary(g => g.Key, g => g.Select(l => l.LsoaCode).ToList());
}

// Runs a benchmark in a scratch folder of its own (this process's), removed afterwards.
static async Task InScratchAsync(string name, Func<string, Task> run)
{
    var folder = Path.Combine(Path.GetTempPath(), $"csa-{name}-bench-" + Environment.ProcessId);
    Directory.CreateDirectory(folder);
    try
    {
        await run(folder);
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Csa.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Cannot find the repository (Csa.slnx).");
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

string? ArgText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
