using System.Diagnostics;
using Csa.Ingest.PoliceUk;
using Csa.Storage.DuckDb;
using DuckDB.NET.Data;

namespace Csa.Benchmarks;

/// <summary>Times csa's import of a folder of street files against DuckDB's own read_csv of the same files.</summary>
static class ImportBench
{
    /// <summary>The street columns with the types DuckDB sniffs for them, given explicitly.</summary>
    const string Columns = """
        {'Crime ID': 'VARCHAR', 'Month': 'VARCHAR', 'Reported by': 'VARCHAR', 'Falls within': 'VARCHAR',
         'Longitude': 'DOUBLE', 'Latitude': 'DOUBLE', 'Location': 'VARCHAR', 'LSOA code': 'VARCHAR',
         'LSOA name': 'VARCHAR', 'Crime type': 'VARCHAR', 'Last outcome category': 'VARCHAR', 'Context': 'VARCHAR'}
        """;

    public sealed record Timing(double Seconds, long Rows, long PeakWorkingSetBytes)
    {
        public double RowsPerSecond => Rows / Seconds;
    }

    public static async Task<Timing> CsaImportAsync(string folder, string scratch)
    {
        var store = Path.Combine(scratch, $"csa-{Guid.NewGuid():N}.duckdb");
        await using var opened = await DuckDbStore.OpenAsync(store, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var result = await new PoliceUkImporter(opened).ImportAsync([folder]);
        clock.Stop();
        return new Timing(clock.Elapsed.TotalSeconds, result.Crimes + result.AntiSocialBehaviour, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    public static async Task<Timing> DuckDbReadCsvAsync(string folder, string scratch)
    {
        var database = Path.Combine(scratch, $"raw-{Guid.NewGuid():N}.duckdb");
        await using var connection = new DuckDBConnection($"Data Source={database}");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        var glob = Path.Combine(folder, "**", "*-street.csv").Replace("'", "''", StringComparison.Ordinal);
        command.CommandText = $"CREATE TABLE street AS SELECT * FROM read_csv('{glob}', header = true, columns = {Columns})";
        var clock = Stopwatch.StartNew();
        await command.ExecuteNonQueryAsync();
        clock.Stop();
        command.CommandText = "SELECT count(*) FROM street";
        var rows = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return new Timing(clock.Elapsed.TotalSeconds, rows, Process.GetCurrentProcess().PeakWorkingSet64);
    }
}
