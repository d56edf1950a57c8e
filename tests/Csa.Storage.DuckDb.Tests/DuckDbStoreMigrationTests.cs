using Csa.Core;
using Csa.Tests;
using DuckDB.NET.Data;

namespace Csa.Storage.DuckDb.Tests;

public class DuckDbStoreMigrationTests
{
    [Fact]
    public async Task OpenAsync_NewFile_CreatesTheLatestSchema()
    {
        using var scratch = TestPaths.NewScratchFolder();

        await using var store = await StoreTestKit.OpenAsync(scratch);

        Assert.Equal(DuckDbStore.CurrentSchemaVersion, store.Info.SchemaVersion);
        Assert.Equal(0, store.Info.MigratedFrom);
        Assert.True(File.Exists(scratch.File("store.duckdb")));
        Assert.All((await store.GetTableCountsAsync()).Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task OpenAsync_StoreOfAnOlderCsa_IsMigratedAndKeepsItsData()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("store.duckdb");
        await using (var old = await DuckDbStore.OpenAsync(path, StoreTestKit.Clock, targetVersion: 1))
        {
            Assert.Equal(1, old.Info.SchemaVersion);
            await StoreTestKit.ImportAsync(old, Path.Combine(TestPaths.Cambridgeshire, "2019-07", "2019-07-cambridgeshire-street.csv"));
        }

        await using var store = await DuckDbStore.OpenAsync(path, StoreTestKit.Clock);

        Assert.Equal(1, store.Info.MigratedFrom);
        Assert.Equal(DuckDbStore.CurrentSchemaVersion, store.Info.SchemaVersion);
        Assert.Equal(7546, (await store.GetTableCountsAsync())["street_record"]);
        Assert.Equal(0, (await store.GetTableCountsAsync())["lsoa_area"]);
    }

    [Fact]
    public async Task OpenAsync_StoreOfANewerCsa_IsRefusedWithAClearMessage()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("store.duckdb");
        await (await DuckDbStore.OpenAsync(path, StoreTestKit.Clock)).DisposeAsync();
        await using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO csa_schema VALUES (99, now(), '9.0.0')";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<CsaStoreException>(() => DuckDbStore.OpenAsync(path, StoreTestKit.Clock));

        Assert.Equal(
            $"The store {path} was made by a newer csa (schema version 99; this csa knows versions up to {DuckDbStore.CurrentSchemaVersion}). Use the newer csa, or another --store.",
            error.Message);
    }

    [Fact]
    public async Task OpenAsync_DuckDbFileThatIsNotAStore_IsRefused()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("other.duckdb");
        await using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE x (a INTEGER)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<CsaStoreException>(() => DuckDbStore.OpenAsync(path, StoreTestKit.Clock));

        Assert.Contains("not a csa store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReadOnlyAsync_ACurrentStore_ReadsAndTwoReadersShareIt_AnOlderOneMustBeMigratedFirst()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("store.duckdb");
        await (await OpenWithJulyAsync(path)).DisposeAsync();

        await using (var first = await DuckDbStore.OpenReadOnlyAsync(path, StoreTestKit.Clock))
        await using (var second = await DuckDbStore.OpenReadOnlyAsync(path, StoreTestKit.Clock))
        {
            Assert.Equal(7546, (await first.GetTableCountsAsync())["street_record"]);
            Assert.Equal(7546, (await second.GetTableCountsAsync())["street_record"]);
        }

        var old = scratch.File("old.duckdb");
        await (await DuckDbStore.OpenAsync(old, StoreTestKit.Clock, targetVersion: 1)).DisposeAsync();
        var error = await Assert.ThrowsAsync<CsaStoreException>(() => DuckDbStore.OpenReadOnlyAsync(old, StoreTestKit.Clock));
        Assert.Contains("run any csa command on it once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MissingFolder_SaysWhichFolder()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var error = await Assert.ThrowsAsync<CsaStoreException>(() => DuckDbStore.OpenAsync(scratch.File("no/such/store.duckdb"), StoreTestKit.Clock));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ForWriting_BoundsDuckDbsBufferPool_ReadersKeepDuckDbsDefault()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var path = scratch.File("store.duckdb");
        await using (var writer = await OpenWithJulyAsync(path))
        {
            // 256 MB, as DuckDB prints it (in MiB).
            Assert.Equal("244.1 MiB", await writer.SettingAsync("memory_limit"));
        }

        await using var reader = await DuckDbStore.OpenReadOnlyAsync(path, StoreTestKit.Clock);
        Assert.NotEqual("244.1 MiB", await reader.SettingAsync("memory_limit"));
        Assert.Equal(7546, (await reader.GetTableCountsAsync())["street_record"]);
    }

    /// <summary>A new store at <paramref name="path"/>, open for writing, holding Cambridgeshire's July 2019 street file (7,546 rows).</summary>
    static async Task<DuckDbStore> OpenWithJulyAsync(string path)
    {
        var store = await DuckDbStore.OpenAsync(path, StoreTestKit.Clock);
        await StoreTestKit.ImportAsync(store, Path.Combine(TestPaths.Cambridgeshire, "2019-07", "2019-07-cambridgeshire-street.csv"));
        return store;
    }
}
