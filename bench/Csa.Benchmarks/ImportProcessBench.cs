using System.Globalization;
using System.IO.Compression;
using DuckDB.NET.Data;

namespace Csa.Benchmarks;

/// <summary>What a user pays for an import (issue 17, item 1): the whole <c>csa import police-uk</c> process, straight from
/// the zips, against a reference process (this benchmark's own executable with <c>--reference-read-csv</c>: the .NET runtime
/// and DuckDB's own <c>read_csv</c> of the same street files, extracted beforehand, into a plain table). Alternating pairs
/// in one run; wall time and peak resident memory of each process (GNU time); medians and the ratio printed.</summary>
static class ImportProcessBench
{
    /// <summary>The reference's dialect, stated: header, comma, double quote escaped by doubling, every column typed as
    /// DuckDB sniffs it (no sniffing at run time), strict rows.</summary>
    const string ReadCsvOptions = """
        header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, strict_mode = true,
        columns = {'Crime ID': 'VARCHAR', 'Month': 'VARCHAR', 'Reported by': 'VARCHAR', 'Falls within': 'VARCHAR',
                   'Longitude': 'DOUBLE', 'Latitude': 'DOUBLE', 'Location': 'VARCHAR', 'LSOA code': 'VARCHAR',
                   'LSOA name': 'VARCHAR', 'Crime type': 'VARCHAR', 'Last outcome category': 'VARCHAR', 'Context': 'VARCHAR'}
        """;

    /// <summary>The reference process's work: every street file under <paramref name="folder"/> into a new table.</summary>
    public static long ReferenceReadCsv(string folder, string database)
    {
        using var connection = new DuckDBConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        var glob = Path.Combine(folder, "**", "*-street.csv").Replace("'", "''", StringComparison.Ordinal);
        command.CommandText = $"CREATE TABLE street AS SELECT * FROM read_csv('{glob}', {ReadCsvOptions})";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM street";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="pairs"/> alternating pairs over the zips in <paramref name="zipFolder"/> and prints the table.</summary>
    public static void Run(string repository, string scratch, string zipFolder, int pairs, string? installed)
    {
        var csa = installed ?? Path.Combine(repository, "artifacts", "bin", "Csa.Cli", "release_linux-x64", "csa.dll");
        var zips = Directory.GetFiles(zipFolder, "*.zip").Order(StringComparer.Ordinal).ToArray();
        var extracted = Path.Combine(scratch, "extracted");
        foreach (var zip in zips)
        {
            ZipFile.ExtractToDirectory(zip, extracted);
        }

        var bench = typeof(ImportProcessBench).Assembly.Location;
        var reference = new List<(double Seconds, long PeakKiB)>();
        var import = new List<(double Seconds, long PeakKiB)>();
        for (var pair = 0; pair < pairs; pair++)
        {
            var referenceStore = Path.Combine(scratch, $"reference-{pair}.duckdb");
            var csaStore = Path.Combine(scratch, $"csa-{pair}.duckdb");
            string[] referenceRun = ["dotnet", bench, "--reference-read-csv", extracted, referenceStore];
            string[] csaRun = [.. Processes.Host(csa), "import", "police-uk", "--store", csaStore, .. zips];
            if (pair % 2 == 0)
            {
                reference.Add(Processes.Timed(referenceRun));
                import.Add(Processes.Timed(csaRun));
            }
            else
            {
                import.Add(Processes.Timed(csaRun));
                reference.Add(Processes.Timed(referenceRun));
            }

            File.Delete(referenceStore);
            File.Delete(csaStore);
        }

        var c = CultureInfo.InvariantCulture;
        var referenceMedian = Processes.Median(reference.Select(r => r.Seconds));
        var importMedian = Processes.Median(import.Select(r => r.Seconds));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {pairs} alternating pairs; {zips.Length} zips in {zipFolder}");
        Console.WriteLine("| process | median (s) | min (s) | peak memory (MiB, max) | ratio to the reference |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(string.Create(c, $"| reference: DuckDB read_csv of the extracted street files | {referenceMedian:0.00} | {reference.Min(r => r.Seconds):0.00} | {reference.Max(r => r.PeakKiB) / 1024.0:N0} | 1.00× |"));
        Console.WriteLine(string.Create(c, $"| csa import police-uk of the zips{(installed is null ? string.Empty : " (installed)")} | {importMedian:0.00} | {import.Min(r => r.Seconds):0.00} | {import.Max(r => r.PeakKiB) / 1024.0:N0} | {importMedian / referenceMedian:0.00}× |"));
    }
}
