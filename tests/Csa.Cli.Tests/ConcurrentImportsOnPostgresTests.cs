using Csa.Storage.Contract.Tests;
using Csa.Tests;
using Npgsql;

namespace Csa.Cli.Tests;

/// <summary>Analysts of one team importing into one PostgreSQL store at the same moment, as separate <c>csa import</c>
/// processes: imports of different forces both land; two of the same force-months take turns (the later waits for the
/// earlier's transaction, then replaces what it wrote), so nothing is lost and nothing is held twice. Compared with the
/// same imports made one after the other.</summary>
public sealed class ConcurrentImportsOnPostgresTests
{
    [SkippableFact]
    public async Task ImportsAtOnce_HoldWhatTheSameImportsOneAfterTheOtherHold()
    {
        TestPostgres.RequireServer();
        using var scratch = TestPaths.NewScratchFolder();
        var (sequential, together, same) = (await TestPostgres.CreateDatabaseAsync(), await TestPostgres.CreateDatabaseAsync(), await TestPostgres.CreateDatabaseAsync());
        try
        {
            foreach (var source in new[] { TestPaths.Cambridgeshire, TestPaths.NorthumbriaZip })
            {
                var alone = await CsaProcess.RunAsync(scratch, "import", "police-uk", "--store", sequential, source);
                Assert.True(alone.ExitCode == 0, alone.Error);
            }

            var imports = await Task.WhenAll(
                CsaProcess.RunAsync(scratch, "import", "police-uk", "--store", together, TestPaths.Cambridgeshire),
                CsaProcess.RunAsync(scratch, "import", "police-uk", "--store", together, TestPaths.NorthumbriaZip),
                CsaProcess.RunAsync(scratch, "import", "police-uk", "--store", same, TestPaths.Cambridgeshire),
                CsaProcess.RunAsync(scratch, "import", "police-uk", "--store", same, TestPaths.Cambridgeshire));
            Assert.All(imports, i => Assert.True(i.ExitCode == 0, i.Error));

            var expected = await HeldAsync(sequential);
            Assert.Equal(36, expected.Count); // Cambridgeshire's 3 months and Northumbria's 33
            Assert.Equal(expected, await HeldAsync(together));
            Assert.Equal(expected.Where(m => m.Key.StartsWith("cambridgeshire", StringComparison.Ordinal)), await HeldAsync(same));
        }
        finally
        {
            foreach (var store in new[] { sequential, together, same })
            {
                await TestPostgres.DropDatabaseAsync(store);
            }
        }
    }

    /// <summary>Street rows and ledger entries by force and month, as the store holds them.</summary>
    static async Task<SortedDictionary<string, string>> HeldAsync(string store)
    {
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT s.force || ' ' || s.month, s.rows || ' rows, ' || f.files || ' ledger entries'
            FROM (SELECT force, CAST(month AS VARCHAR) AS month, count(*) AS rows FROM street_record GROUP BY force, month) s
            JOIN (SELECT force, CAST(month AS VARCHAR) AS month, count(*) AS files FROM import_file WHERE kind = 'street' GROUP BY force, month) f
                ON f.force = s.force AND f.month = s.month
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var held = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            held.Add(reader.GetString(0), reader.GetString(1));
        }

        return held;
    }
}
