using System.Globalization;
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
    public const string ReadCsvOptions = """
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
        var (zips, extracted) = ImportComparison.Extract(zipFolder, scratch);
        var bench = typeof(ImportProcessBench).Assembly.Location;
        string ReferenceStore(int pair) => Path.Combine(scratch, $"reference-{pair}.duckdb");
        string CsaStore(int pair) => Path.Combine(scratch, $"csa-{pair}.duckdb");
        var (reference, import) = ImportComparison.Alternate(
            pairs,
            pair => (["dotnet", bench, "--reference-read-csv", extracted, ReferenceStore(pair)], [.. Processes.Host(csa), "import", "police-uk", "--store", CsaStore(pair), .. zips]),
            pair =>
            {
                File.Delete(ReferenceStore(pair));
                File.Delete(CsaStore(pair));
            });
        ImportComparison.Print(
            $"{pairs} alternating pairs; {zips.Length} zips in {zipFolder}",
            "reference: DuckDB read_csv of the extracted street files",
            $"csa import police-uk of the zips{(installed is null ? string.Empty : " (installed)")}",
            reference,
            import);
    }
}
