using Csa.Storage.Contract.Tests;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Runs <c>csa demo</c> into a new PostgreSQL database (see <see cref="TestPostgres"/>), as <see cref="DemoDocumentsFixture"/>
/// runs it into a DuckDB file, and drops the database afterwards. Without a server, <see cref="Store"/> is null.</summary>
public sealed class PostgresDemoFixture : IAsyncLifetime, IDisposable
{
    readonly ScratchFolder _scratch = new();

    /// <summary>The folder the demo ran in.</summary>
    public string Folder => _scratch.Path;

    /// <summary>The demo's store (a connection string), or null when no PostgreSQL server is given.</summary>
    public string? Store { get; private set; }

    /// <summary>Why the demo could not run, if it could not (reported by each test, never swallowed).</summary>
    public string? Failure { get; private set; }

    public async Task InitializeAsync()
    {
        if (TestPostgres.Admin is null)
        {
            return;
        }

        Store = await TestPostgres.CreateDatabaseAsync();
        var result = await CsaProcess.RunAsync(_scratch, "demo", "--sample", TestPaths.Sample, "--store", Store, "--out", "out");
        if (result.ExitCode != 0)
        {
            Failure = $"csa demo into PostgreSQL failed ({result.ExitCode}): {result.Error}{result.Output}";
        }
    }

    public async Task DisposeAsync()
    {
        if (Store is not null)
        {
            await TestPostgres.DropDatabaseAsync(Store);
        }
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>The server's store, the test skipped when there is none (failed when one is required).</summary>
    public string RequireStore()
    {
        TestPostgres.RequireServer();
        Assert.True(Failure is null, Failure);
        return Store!;
    }
}
