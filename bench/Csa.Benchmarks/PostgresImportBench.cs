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
        var (zips, extracted) = ImportComparison.Extract(zipFolder, scratch);
        var bench = typeof(PostgresImportBench).Assembly.Location;
        var databases = new List<string>();
        var (reference, import) = ImportComparison.Alternate(
            pairs,
            pair =>
            {
                databases.Clear();
                databases.Add(CreateDatabase(server, "reference", pair));
                databases.Add(CreateDatabase(server, "import", pair));
                return (["dotnet", bench, "--reference-copy", extracted, databases[0]], [.. Processes.Host(csa), "import", "police-uk", "--store", databases[1], .. zips]);
            },
            _ => databases.ForEach(database => DropDatabase(server, database)));
        var location = new NpgsqlConnectionStringBuilder(server);
        ImportComparison.Print(
            $"{pairs} alternating pairs; {zips.Length} zips in {zipFolder}; PostgreSQL at {location.Host}:{location.Port}",
            "reference: PostgreSQL COPY (FORMAT csv) of the extracted street files",
            $"csa import police-uk of the zips into PostgreSQL{(installed is null ? string.Empty : " (installed)")}",
            reference,
            import);
    }

    /// <summary>Creates a database of this run's own (a name no one else holds: creation fails rather than touch one that
    /// exists); only those are dropped afterwards.</summary>
    static string CreateDatabase(string server, string role, int pair)
    {
        var name = $"csa_bench_{role}_{pair}_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
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
