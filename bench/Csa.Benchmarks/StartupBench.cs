using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Csa.Benchmarks;

/// <summary>What a user pays for one command (issue 17, item 3): whole <c>csa compare</c>, <c>csa summary</c> and
/// <c>csa --help</c> processes against a reference, a minimal .NET process that opens the same store read-only with DuckDB
/// and counts the same crimes (this benchmark's own executable with <c>--reference-query</c>: the runtime and DuckDB, no csa
/// code). Alternating rounds in one run; medians and ratios printed.</summary>
static class StartupBench
{
    /// <summary>The reference's query: the district's street crimes (not anti-social behaviour) by type over the months, the
    /// counts <c>csa compare</c> and <c>csa summary --by type</c> start from.</summary>
    public static int Reference(string store, string district, string from, string to)
    {
        using var connection = new DuckDBConnection($"Data Source={store};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.crime_type, count(*) FROM street_record r JOIN lsoa_ward_district l ON r.lsoa_code = l.lsoa_code
            WHERE l.district_code = $district AND NOT r.is_asb AND r.month BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
            GROUP BY 1 ORDER BY 1
            """;
        command.Parameters.Add(new DuckDBParameter("district", district));
        command.Parameters.Add(new DuckDBParameter("from", from));
        command.Parameters.Add(new DuckDBParameter("to", to));
        using var reader = command.ExecuteReader();
        var lines = 0;
        while (reader.Read())
        {
            Console.WriteLine($"{reader.GetString(0)}: {reader.GetInt64(1)}");
            lines++;
        }

        return lines;
    }

    /// <summary>Times the processes in alternating rounds and prints the table: csa as built (<c>dotnet csa.dll</c>) and, when
    /// <paramref name="installed"/> names one, csa as installed by the README's <c>dotnet publish</c> (its executable).</summary>
    public static async Task RunAsync(string repository, string scratch, int rounds, string? installed)
    {
        var built = Path.Combine(repository, "artifacts", "bin", "Csa.Cli", "release_linux-x64", "csa.dll");
        foreach (var program in new[] { built, installed })
        {
            if (program is not null && !File.Exists(program))
            {
                throw new InvalidOperationException($"{program} is missing: build csa in Release first (dotnet build Csa.slnx -c Release), and publish it for --csa (README).");
            }
        }

        var store = Path.Combine(scratch, "startup.duckdb");
        await (await SampleStore.CambridgeshireAsync(repository, store)).DisposeAsync();

        var bench = typeof(StartupBench).Assembly.Location;
        var runs = new List<(string Name, string[] Args)>
        {
            ("reference (DuckDB query)", [bench, "--reference-query", store, "E07000011", "2019-07-01", "2019-08-01"]),
        };
        foreach (var (label, program) in new[] { ("built", built), ("installed", installed) })
        {
            if (program is null)
            {
                continue;
            }

            runs.Add(($"csa compare ({label})", [program, "compare", "--store", store, "--area", "E07000011", "--period", "2019-07", "--vs", "2019-08", "--tree", "police-uk"]));
            runs.Add(($"csa summary ({label})", [program, "summary", "--store", store, "--area", "E07000011", "--from", "2019-07", "--to", "2019-08"]));
            runs.Add(($"csa --help ({label})", [program, "--help"]));
        }

        var times = runs.ToDictionary(r => r.Name, _ => new List<double>());
        foreach (var (_, arguments) in runs)
        {
            Run(arguments); // warm the file cache once
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, arguments) in round % 2 == 0 ? runs : Enumerable.Reverse(runs))
            {
                times[name].Add(Run(arguments));
            }
        }

        var reference = Processes.Median(times[runs[0].Name]);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {rounds} alternating rounds; whole processes (dotnet NAME.dll, or the installed executable), store of Cambridgeshire's three bundled months");
        Console.WriteLine("| process | median (s) | min (s) | ratio to the reference |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, _) in runs)
        {
            var median = Processes.Median(times[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:0.000} | {times[name].Min():0.000} | {median / reference:0.00}× |"));
        }
    }

    static double Run(string[] arguments)
    {
        string[] command = [.. Processes.Host(arguments[0]), .. arguments[1..]];
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "true";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        return process.ExitCode == 0 ? seconds : throw new InvalidOperationException($"{string.Join(' ', arguments)} failed (exit {process.ExitCode}).");
    }
}
