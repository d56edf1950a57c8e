using System.Globalization;
using System.Text.Json;
using Csa.Reporting.Assessment;
using Csa.Storage;
using Csa.Storage.Contract.Tests;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>The bundled sample imported by <c>csa demo</c> into a DuckDB file and into a PostgreSQL database gives the same
/// answer to every command: counts exactly, other numbers to 1e-9 relative, rows in the same order; the two documents'
/// report.json are the same; and <c>csa store copy</c> takes a store to PostgreSQL and back without losing a row.</summary>
public sealed class SameAnswersTests(DemoDocumentsFixture duckDb, PostgresDemoFixture postgres)
    : IClassFixture<DemoDocumentsFixture>, IClassFixture<PostgresDemoFixture>
{
    static string Examples => Path.Combine(TestPaths.RepositoryRoot, "data", "examples");

    /// <summary>Commands beside those the documents record, so that every command that reads the store is asked.</summary>
    static readonly string[] OtherCommands =
    [
        "csa summary --area E07000011 --from 2019-07 --to 2019-09",
        "csa summary --area E08000021 --by month",
        "csa summary --area Huntingdonshire --by ward --from 2019-07 --to 2019-09",
        "csa quality",
        "csa quality --area E08000021",
        "csa rates --area E07000011 --period 2019-07..2019-09 --tree police-uk --population-year 2015",
        "csa rates --area E08000021 --period 2022 --tree police-uk",
        "csa monthly --area E08000021 --category \"Violence and sexual offences\" --tree police-uk",
        "csa hotspots --area E08000021 --period 2022 --category \"All crime\"",
        "csa pyramid --area E07000011 --period 2016",
        "csa pyramid --area E07000011 --period 2016 --marker domestic-abuse",
        "csa severity --area Northumbria",
        "csa severity --area E07000011 --source extract",
        "csa reconcile --force northumbria --quarter 2021/22Q1",
        "csa recording --area E07000011 --category \"Violence without injury\" --period 2013 --vs 2016 --tree seed",
        "csa years --area E08000021 --category \"All crime\" --tree police-uk --from 2021 --to 2022",
    ];

    [SkippableFact]
    public async Task EveryCommand_GivesTheSameJson_OnDuckDbAndPostgreSql()
    {
        var server = postgres.RequireStore();
        using var scratch = new ScratchFolder();
        var commands = RecordedCommands().Concat(OtherCommands).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(commands.Count >= 20, $"{commands.Count} commands");

        var differences = new List<string>();
        foreach (var (command, n) in commands.Select((c, n) => (c, n)))
        {
            var words = CommandLineText.Split(command).Skip(1).ToArray();
            var onFile = await RunAsync(words, duckDb.Store, scratch.File($"{n}-duckdb.json"));
            var onServer = await RunAsync(words, server, scratch.File($"{n}-postgres.json"));
            Assert.True(onFile.Json.Length > 2, $"{command}: no rows on DuckDB");
            using var a = JsonDocument.Parse(onFile.Json);
            using var b = JsonDocument.Parse(onServer.Json);
            differences.AddRange(Differences(a.RootElement, b.RootElement, command));
        }

        Assert.Empty(differences);
    }

    [SkippableFact]
    public async Task TheDocuments_AreTheSame_OnDuckDbAndPostgreSql()
    {
        postgres.RequireStore();
        foreach (var document in new[] { "seed-huntingdonshire-violence-2016-17-q4", "northumbria-newcastle-2022" })
        {
            using var a = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(duckDb.Folder, "out", document, ReportFiles.SidecarName)));
            using var b = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(postgres.Folder, "out", document, ReportFiles.SidecarName)));

            Assert.Empty(Differences(a.RootElement, b.RootElement, document));
        }
    }

    [SkippableFact]
    public async Task StoreCopy_ToPostgreSqlAndBack_KeepsEveryRow_AndNeverOverwrites()
    {
        TestPostgres.RequireServer();
        using var scratch = new ScratchFolder();
        var server = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var there = await CsaProcess.RunAsync(scratch, "store", "copy", "--from", duckDb.Store, "--to", server);
            var back = await CsaProcess.RunAsync(scratch, "store", "copy", "--from", server, "--to", scratch.File("back.duckdb"));
            var again = await CsaProcess.RunAsync(scratch, "store", "copy", "--from", duckDb.Store, "--to", server);

            Assert.True(there.ExitCode == 0, there.Error);
            Assert.True(back.ExitCode == 0, back.Error);
            Assert.Equal(ExitCodes.StoreUnusable, again.ExitCode);
            Assert.Contains("holds data already", again.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", there.Output + back.Output + again.Error, StringComparison.OrdinalIgnoreCase);
            await using var original = await DuckDbStore.OpenAsync(duckDb.Store, TimeProvider.System);
            await using var roundTrip = await DuckDbStore.OpenAsync(scratch.File("back.duckdb"), TimeProvider.System);
            await using var onServer = await TestPostgres.OpenAsync(server, TimeProvider.System);
            var tables = await original.GetTableCountsAsync();
            Assert.Equal(tables, await onServer.GetTableCountsAsync());
            Assert.True(tables["street_record"] > 100_000, "the demo's store holds the sample");
            foreach (var table in tables.Keys)
            {
                var expected = await RowsAsync(original, table);
                Assert.Equal(expected, await RowsAsync(onServer, table));
                Assert.Equal(expected, await RowsAsync(roundTrip, table));
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(server);
        }
    }

    /// <summary>A backup of a team's store as PostgreSQL's own tools take it (docs/OPERATIONS.md): <c>pg_dump -Fc</c>, then
    /// <c>pg_restore --no-owner --no-privileges</c> into a new database, holds every row of every table, and csa answers from
    /// it as from the original.</summary>
    [SkippableFact]
    public async Task PgDumpAndPgRestore_GiveBackEveryRow_AndTheSameAnswers()
    {
        var store = postgres.RequireStore();
        using var scratch = new ScratchFolder();
        var restored = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var dump = scratch.File("csa.dump");
            await PostgresBinaries.RunAsync("pg_dump", asServerUser: false, "--format=custom", "--file", dump, "--dbname", Uri(store));
            await PostgresBinaries.RunAsync("pg_restore", asServerUser: false, "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", Uri(restored), dump);

            await using (var original = await TestPostgres.OpenAsync(store, TimeProvider.System))
            await using (var copy = await TestPostgres.OpenAsync(restored, TimeProvider.System))
            {
                var tables = await original.GetTableCountsAsync();
                Assert.Equal(tables, await copy.GetTableCountsAsync());
                foreach (var table in tables.Keys)
                {
                    Assert.Equal(await RowsAsync(original, table), await RowsAsync(copy, table));
                }
            }

            var words = OtherCommands[0].Split(' ')[1..];
            var (_, before) = await RunAsync(words, store, scratch.File("before.json"));
            var (_, after) = await RunAsync(words, restored, scratch.File("after.json"));
            Assert.Equal(before, after);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(restored);
        }
    }

    /// <summary>A backup of a DuckDB store taken while the atlas serves it: <c>csa store copy</c> reads it in one transaction
    /// (the atlas lets go of the file while it does, as for any csa command), and the copy holds every row.</summary>
    [Fact]
    public async Task ADuckDbBackup_TakenWhileTheAtlasServes_HoldsEveryRow()
    {
        using var scratch = new ScratchFolder();
        await using (var atlas = await RunningAtlas.StartAsync(scratch, ["--store", duckDb.Store, "--public"]))
        {
            var http = atlas.Http;
            var backup = await CsaProcess.RunAsync(scratch, "store", "copy", "--from", duckDb.Store, "--to", scratch.File("backup.duckdb"));
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/api/series?area=Huntingdonshire")).StatusCode);
        }

        await using var original = await DuckDbStore.OpenAsync(duckDb.Store, TimeProvider.System);
        await using var copy = await DuckDbStore.OpenAsync(scratch.File("backup.duckdb"), TimeProvider.System);
        var tables = await original.GetTableCountsAsync();
        Assert.Equal(tables, await copy.GetTableCountsAsync());
        foreach (var table in tables.Keys)
        {
            Assert.Equal(await RowsAsync(original, table), await RowsAsync(copy, table));
        }
    }

    /// <summary>A connection string as the URI PostgreSQL's programs take: the store's name in csa's messages is one.</summary>
    static string Uri(string connectionString) => Storage.Postgres.PostgresLocation.Parse(connectionString).Display;

    /// <summary>A table's rows as text, sorted: the same set of rows in both stores whatever order each keeps them in.</summary>
    static async Task<List<string>> RowsAsync(ICsaStore store, string table)
    {
        var rows = new List<string>();
        await foreach (var row in store.ReadTableAsync(table))
        {
            rows.Add(string.Join("\u001f", row.Select(v => v switch
            {
                null => "NULL",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString(),
            })));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    IEnumerable<string> RecordedCommands()
    {
        foreach (var folder in new[] { duckDb.Seed, duckDb.Newcastle })
        {
            using var sidecar = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ReportFiles.SidecarName)));
            foreach (var finding in sidecar.RootElement.GetProperty("findings").EnumerateArray())
            {
                yield return finding.GetProperty("command").GetString()!;
            }
        }
    }

    static async Task<(string Output, string Json)> RunAsync(string[] words, string store, string json)
    {
        var result = await CsaProcess.RunAsync(Examples, [.. words, "--store", store, "--json", json]);
        Assert.True(result.ExitCode == 0, $"csa {string.Join(' ', words)} on {(store.Contains("Host=", StringComparison.Ordinal) ? "PostgreSQL" : "DuckDB")}: {result.Error}");
        return (result.Output, await File.ReadAllTextAsync(json));
    }

    /// <summary>Where two JSON values differ: numbers by more than 1e-9 relative, anything else at all.</summary>
    static IEnumerable<string> Differences(JsonElement a, JsonElement b, string path)
    {
        if (a.ValueKind != b.ValueKind)
        {
            yield return $"{path}: {a} against {b}";
            yield break;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name).ToList();
                if (!names.SequenceEqual(b.EnumerateObject().Select(p => p.Name)))
                {
                    yield return $"{path}: keys {string.Join(",", names)} against {string.Join(",", b.EnumerateObject().Select(p => p.Name))}";
                    yield break;
                }

                foreach (var name in names)
                {
                    foreach (var difference in Differences(a.GetProperty(name), b.GetProperty(name), $"{path}.{name}"))
                    {
                        yield return difference;
                    }
                }

                break;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    yield return $"{path}: {a.GetArrayLength()} items against {b.GetArrayLength()}";
                    yield break;
                }

                foreach (var (x, i) in a.EnumerateArray().Zip(b.EnumerateArray()).Select((p, i) => (p, i)))
                {
                    foreach (var difference in Differences(x.First, x.Second, $"{path}[{i}]"))
                    {
                        yield return difference;
                    }
                }

                break;
            case JsonValueKind.Number:
                var (p, q) = (a.GetDouble(), b.GetDouble());
                if (Math.Abs(p - q) > 1e-9 * Math.Max(Math.Abs(p), Math.Abs(q)))
                {
                    yield return $"{path}: {a} against {b}";
                }

                break;
            default:
                if (a.ToString() != b.ToString())
                {
                    yield return $"{path}: {a} against {b}";
                }

                break;
        }
    }
}
