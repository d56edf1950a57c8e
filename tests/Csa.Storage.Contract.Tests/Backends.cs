using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Storage.Contract.Tests;

/// <summary>The store contract run against the embedded DuckDB store: a new file in a scratch folder for each test.</summary>
public sealed class DuckDbStoreContract : StoreContract, IDisposable
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    protected override string Backend => "duckdb";

    protected override int LatestSchemaVersion => DuckDbStore.CurrentSchemaVersion;

    protected override async Task<ICsaStore> OpenAsync() => await DuckDbStore.OpenAsync(_scratch.File("store.duckdb"), Clock);

    protected override string NewScratchFile(string name) => _scratch.File(name);

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={_scratch.File("store.duckdb")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _scratch.Dispose();
}

/// <summary>The store contract run against the PostgreSQL store: a new database for each test (see <see cref="TestPostgres"/>).</summary>
public sealed class PostgresStoreContract : StoreContract, IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();
    string? _store;

    protected override string Backend => "postgres";

    protected override int LatestSchemaVersion => Postgres.PostgresStore.CurrentSchemaVersion;

    protected override async Task<ICsaStore> OpenAsync()
    {
        _store ??= await TestPostgres.CreateDatabaseAsync();
        return await TestPostgres.OpenAsync(_store, Clock);
    }

    protected override string NewScratchFile(string name) => _scratch.File(name);

    protected override async Task ExecuteRawAsync(string sql)
    {
        _store ??= await TestPostgres.CreateDatabaseAsync();
        await using var connection = new Npgsql.NpgsqlConnection(_store);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A team's analysts import at the same time: the imports take turns, so the same files given twice at once are
    /// held once, as when given one after the other.</summary>
    [SkippableFact]
    public async Task TwoImportsAtOnce_HoldEachFileOnce()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();

        await Task.WhenAll(
            new Ingest.PoliceUk.PoliceUkImporter(first).ImportAsync([TestPaths.Cambridgeshire]),
            new Ingest.PoliceUk.PoliceUkImporter(second).ImportAsync([TestPaths.Cambridgeshire]));

        var counts = await first.GetTableCountsAsync();
        Assert.Equal(Expected.StreetFiles.Sum(f => Expected.Rows(f).Count), counts["street_record"]);
        Assert.Equal(Expected.StreetFiles.Count + Expected.OutcomesFiles.Count, counts["import_file"]);
    }

    /// <summary>Several processes opening one new database at once (a team's first commands): one creates the schema, the
    /// others wait for it and find a csa store; 8 at a time, twice, on fresh databases. A guard, not a reproduction: before
    /// the version check read both its counts in one statement, an open could see the schema's tables committed between
    /// its two questions and call the database "not a csa store" (CI saw it once, in two concurrent imports); the window
    /// is too narrow to hit on demand here (this test passed five times against the old check).</summary>
    [SkippableFact]
    public async Task OpensOfANewDatabaseAtOnce_AllFindACsaStore()
    {
        for (var round = 0; round < 2; round++)
        {
            var store = await TestPostgres.CreateDatabaseAsync();
            try
            {
                var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => TestPostgres.OpenAsync(store, Clock))));
                foreach (var one in opened)
                {
                    Assert.Equal(LatestSchemaVersion, one.Info.SchemaVersion);
                    await one.DisposeAsync();
                }
            }
            finally
            {
                await TestPostgres.DropDatabaseAsync(store);
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await TestPostgres.DropDatabaseAsync(_store);
        }

        _scratch.Dispose();
    }
}
