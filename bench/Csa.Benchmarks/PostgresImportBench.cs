using System.Globalization;
using System.IO.Compression;
using Npgsql;

namespace Csa.Benchmarks;

/// <summary>What a user pays for an import into PostgreSQL (issue 18): the whole <c>csa import police-uk</c> process, from
/// the zips into a new database, against a reference process (this benchmark's own executable with
/// <c>--reference-copy</c>: the .NET runtime and PostgreSQL's own <c>COPY … FROM STDIN (FORMAT csv)</c> of the same street
/// files, extracted beforehand, into a plain table). Alternating pairs in one run, each into a database of its own;
/// wall time and peak resident memory of each process (GNU time); medians and the ratio printed.</summary>
static class PostgresImportBench
{
    /// <summary>The reference process's work: every street file under <paramref name="folder"/> copied into a new table.</summary>
    public static long ReferenceCopy(string folder, string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var create = new NpgsqlCommand(
            """
            CREATE TABLE street (crime_id VARCHAR, month VARCHAR, reported_by VARCHAR, falls_within VARCHAR, longitude DOUBLE PRECISION,
                latitude DOUBLE PRECISION, location VARCHAR, lsoa_code VARCHAR, lsoa_name VARCHAR, crime_type VARCHAR,
                last_outcome_category VARCHAR, context VARCHAR)
            """,
            connection))
        {
            create.ExecuteNonQuery();
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*-street.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var writer = connection.BeginTextImport("COPY street FROM STDIN (FORMAT csv, HEADER true)");
            using var reader = File.OpenText(file);
            var buffer = new char[1 << 16];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                writer.Write(buffer, 0, read);
            }
        }

        using var count = new NpgsqlCommand("SELECT count(*) FROM street", connection);
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>Runs <paramref name="pairs"/> alternating pairs over the zips in <paramref name="zipFolder"/> and prints the table.</summary>
    public static void Run(string repository, string scratch, string zipFolder, string server, int pairs, string? installed)
    {
        var csa = installed ?? Path.Combine(repository, "artifacts", "bin", "Csa.Cli", "release_linux-x64", "csa.dll");
        var zips = Directory.GetFiles(zipFolder, "*.zip").Order(StringComparer.Ordinal).ToArray();
        var extracted = Path.Combine(scratch, "extracted");
        foreach (var zip in zips)
        {
            ZipFile.ExtractToDirectory(zip, extracted);
        }

        var bench = typeof(PostgresImportBench).Assembly.Location;
        var reference = new List<(double Seconds, long PeakKiB)>();
        var import = new List<(double Seconds, long PeakKiB)>();
        for (var pair = 0; pair < pairs; pair++)
        {
            var referenceDatabase = CreateDatabase(server, $"csa_bench_reference_{pair}");
            var csaDatabase = CreateDatabase(server, $"csa_bench_import_{pair}");
            string[] referenceRun = ["dotnet", bench, "--reference-copy", extracted, referenceDatabase];
            string[] csaRun = [.. Processes.Host(csa), "import", "police-uk", "--store", csaDatabase, .. zips];
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

            DropDatabase(server, referenceDatabase);
            DropDatabase(server, csaDatabase);
        }

        var c = CultureInfo.InvariantCulture;
        var referenceMedian = Processes.Median(reference.Select(r => r.Seconds));
        var importMedian = Processes.Median(import.Select(r => r.Seconds));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {pairs} alternating pairs; {zips.Length} zips in {zipFolder}; PostgreSQL at {new NpgsqlConnectionStringBuilder(server).Host}:{new NpgsqlConnectionStringBuilder(server).Port}");
        Console.WriteLine("| process | median (s) | min (s) | peak memory (MiB, max) | ratio to the reference |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(string.Create(c, $"| reference: PostgreSQL COPY (FORMAT csv) of the extracted street files | {referenceMedian:0.00} | {reference.Min(r => r.Seconds):0.00} | {reference.Max(r => r.PeakKiB) / 1024.0:N0} | 1.00× |"));
        Console.WriteLine(string.Create(c, $"| csa import police-uk of the zips into PostgreSQL{(installed is null ? string.Empty : " (installed)")} | {importMedian:0.00} | {import.Min(r => r.Seconds):0.00} | {import.Max(r => r.PeakKiB) / 1024.0:N0} | {importMedian / referenceMedian:0.00}× |"));
    }

    static string CreateDatabase(string server, string name)
    {
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    static void DropDatabase(string server, string database)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(database).Database} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
