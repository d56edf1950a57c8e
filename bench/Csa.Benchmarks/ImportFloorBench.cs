using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Ingest.PoliceUk;
using Csa.Storage.DuckDb;
using DuckDB.NET.Data;

namespace Csa.Benchmarks;

/// <summary>What an import from the zips cannot get under (issue 17, item 1): the parts of the work timed one at a time,
/// in this process, wall time and CPU time (every thread) — DuckDB's own parsing and storing, split apart, and csa's own
/// inflating, checksumming, decoding, parsing and validating of the same street files — and the lower bounds they set
/// for a whole import, against DuckDB's own <c>read_csv</c> into a table (the import-process benchmark's reference, without
/// its process start).</summary>
static class ImportFloorBench
{
    /// <summary>One part of the work: its median wall and CPU seconds over the runs.</summary>
    sealed record Part(string Label, double Wall, double Cpu);

    /// <summary>Times each part <paramref name="runs"/> times over the street files of the zips in <paramref name="zipFolder"/>.</summary>
    public static async Task RunAsync(string scratch, string zipFolder, int runs)
    {
        var (zips, extracted) = ImportComparison.Extract(zipFolder, scratch);
        var glob = Path.Combine(extracted, "**", "*-street.csv").Replace("'", "''", StringComparison.Ordinal);
        var readCsv = $"read_csv('{glob}', {ImportProcessBench.ReadCsvOptions})";
        var readCsvWithFileNames = $"read_csv('{glob}', {ImportProcessBench.ReadCsvOptions}, filename = true)";
        var entries = StreetEntries(zips);
        var template = Path.Combine(scratch, "csa-schema.duckdb");
        await using (await DuckDbStore.OpenAsync(template, TimeProvider.System))
        {
            // An empty csa store: its street_record table, as csa's migrations make it, is what the storing parts fill.
        }

        var parts = new List<Part>
        {
            Time("DuckDB: read_csv into a table (the reference's work)", runs, scratch, null, $"CREATE TABLE street AS SELECT * FROM {readCsv}"),
            Time("DuckDB: read_csv, parsing only (every column summed, nothing stored)", runs, scratch, null,
                "CREATE TABLE sums AS SELECT count(*), sum(length(\"Crime ID\")), sum(length(Month)), sum(length(\"Reported by\")), " +
                "sum(length(\"Falls within\")), sum(Longitude), sum(Latitude), sum(length(Location)), sum(length(\"LSOA code\")), " +
                $"sum(length(\"LSOA name\")), sum(length(\"Crime type\")), sum(length(\"Last outcome category\")), sum(length(Context)) FROM {readCsv}"),
            Time("DuckDB: storing only, csa's street_record from memory, all cores", runs, scratch, template, StoreFromMemory(readCsvWithFileNames), threads: null),
            Time("DuckDB: storing only, csa's street_record from memory, one thread (as an appender stores)", runs, scratch, template, StoreFromMemory(readCsvWithFileNames), threads: 1),
            Time("csa: inflating the street files from the zips (CRC checked), all cores", runs, () => ReadAll(entries, _ => { })),
            Time("csa: inflating, SHA-256 and UTF-8 decoding, all cores", runs, () => ReadAll(entries, file => Decode(file))),
            Time("csa: inflating, SHA-256, decoding, parsing and validating into columns (the import's reading), all cores", runs, () => ReadAll(entries, Validate)),
        };

        Print(zipFolder, parts);
    }

    /// <summary>Every street file in <paramref name="zips"/>: its zip, entry and month.</summary>
    static List<(string Zip, string Entry, PoliceUkFileName Name)> StreetEntries(string[] zips)
    {
        var entries = new List<(string Zip, string Entry, PoliceUkFileName Name)>();
        foreach (var zip in zips)
        {
            using var archive = ZipFile.OpenRead(zip);
            foreach (var entry in archive.Entries)
            {
                if (PoliceUkFileName.TryParse(entry.Name, out var name) && name!.Kind == PoliceUkFileKind.Street)
                {
                    entries.Add((zip, entry.FullName, name));
                }
            }
        }

        return entries;
    }

    /// <summary>The storing part's two statements: the rows made into csa's columns in an in-memory database (not timed),
    /// then the timed copy into the store's table.</summary>
    static (string Untimed, string Timed) StoreFromMemory(string readCsvWithFileNames) => (
        "ATTACH ':memory:' AS staged; CREATE TABLE staged.rows AS SELECT " +
        "regexp_extract(filename, '\\d{4}-\\d{2}-(.+)-street\\.csv$', 1) AS force, CAST(Month || '-01' AS DATE) AS month, " +
        "\"Crime ID\", \"Reported by\", \"Falls within\", Longitude, Latitude, Location, \"LSOA code\", \"LSOA name\", " +
        "\"Crime type\", \"Crime type\" = 'Anti-social behaviour', \"Last outcome category\", Context " +
        $"FROM {readCsvWithFileNames}",
        "INSERT INTO street_record SELECT * FROM staged.rows");

    static Part Time(string label, int runs, string scratch, string? template, string sql) =>
        Time(label, runs, scratch, template, (string.Empty, sql), threads: null);

    /// <summary>Times a DuckDB statement, each run on a new database (a copy of <paramref name="template"/> when given).</summary>
    static Part Time(string label, int runs, string scratch, string? template, (string Untimed, string Timed) sql, int? threads)
    {
        var measured = new List<(double Wall, double Cpu)>();
        for (var run = 0; run < runs; run++)
        {
            var database = Path.Combine(scratch, $"floor-{Guid.NewGuid():N}.duckdb");
            if (template is not null)
            {
                File.Copy(template, database);
            }

            using (var connection = new DuckDBConnection($"Data Source={database}"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = (threads is { } n ? $"SET threads = {n}; " : string.Empty) + (sql.Untimed.Length > 0 ? sql.Untimed : "SELECT 1");
                command.ExecuteNonQuery();
                command.CommandText = sql.Timed;
                measured.Add(Measure(() => command.ExecuteNonQuery()));
            }

            File.Delete(database);
            File.Delete(database + ".wal");
        }

        return Median(label, measured);
    }

    static Part Time(string label, int runs, Action work) =>
        Median(label, [.. Enumerable.Range(0, runs).Select(_ => Measure(work))]);

    static (double Wall, double Cpu) Measure(Action work)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        work();
        clock.Stop();
        process.Refresh();
        return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    static Part Median(string label, List<(double Wall, double Cpu)> measured) =>
        new(label, Processes.Median(measured.Select(m => m.Wall)), Processes.Median(measured.Select(m => m.Cpu)));

    /// <summary>Reads every entry into an array of its stated size, on every core (as the import reads ahead), and hands
    /// its bytes to <paramref name="then"/>.</summary>
    static void ReadAll(List<(string Zip, string Entry, PoliceUkFileName Name)> entries, Action<(byte[] Bytes, PoliceUkFileName Name)> then) =>
        Parallel.ForEach(entries, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, e =>
        {
            using var archive = ZipFile.OpenRead(e.Zip);
            var entry = archive.GetEntry(e.Entry)!;
            var bytes = new byte[entry.Length];
            using (var stream = entry.Open())
            {
                stream.ReadExactly(bytes);
            }

            then((bytes, e.Name));
        });

    static string Decode((byte[] Bytes, PoliceUkFileName Name) file)
    {
        _ = SHA256.HashData(file.Bytes);
        return Encoding.UTF8.GetString(file.Bytes);
    }

    static void Validate((byte[] Bytes, PoliceUkFileName Name) file)
    {
        var columns = new StreetRecordColumns();
        var issues = new List<ImportIssue>();
        StreetFileReader.Read(Decode(file), file.Name.ForceSlug, file.Name.Month, columns.Add, issues);
        if (issues.Count > 0 || columns.Count == 0)
        {
            throw new InvalidOperationException($"{file.Name}: {issues.Count} problems, {columns.Count} rows: the floor bench wants valid files.");
        }
    }

    static void Print(string zipFolder, List<Part> parts)
    {
        var c = CultureInfo.InvariantCulture;
        var reference = parts[0];
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; street files of the zips in {zipFolder}; medians");
        Console.WriteLine("| part | wall (s) | CPU (s) | wall / reference |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var part in parts)
        {
            Console.WriteLine(string.Create(c, $"| {part.Label} | {part.Wall:0.00} | {part.Cpu:0.00} | {part.Wall / reference.Wall:0.00}× |"));
        }

        var storeAll = parts[2];
        var storeOne = parts[3];
        var reading = parts[^1];
        var cores = Environment.ProcessorCount;
        var oneStoringThread = Math.Max(storeOne.Wall, (reading.Cpu + storeOne.Cpu) / cores);
        var spreadStoring = Math.Max(reading.Wall, (reading.Cpu + storeAll.Cpu) / cores);
        Console.WriteLine();
        Console.WriteLine("Lower bounds for a whole import from the zips (process start left out, every core kept busy, nothing else costs):");
        Console.WriteLine(string.Create(c, $"- one thread stores (DuckDB's appender): max(storing on one thread, (reading + storing CPU) / {cores} cores) = {oneStoringThread:0.00} s, {oneStoringThread / reference.Wall:0.00}× the reference's work"));
        Console.WriteLine(string.Create(c, $"- DuckDB stores on every core (an Arrow scan in one statement), csa reading as now: max(reading wall, (reading + storing CPU) / {cores}) = {spreadStoring:0.00} s, {spreadStoring / reference.Wall:0.00}×"));
    }
}
