using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Runs <c>csa demo</c> once (as the README's main job does): the store it fills and the two documents it writes.</summary>
public sealed class DemoDocumentsFixture : IAsyncLifetime, IDisposable
{
    readonly ScratchFolder _scratch = new();

    /// <summary>The folder the demo ran in.</summary>
    public string Folder => _scratch.Path;

    /// <summary>The demo's store.</summary>
    public string Store => _scratch.File("csa.duckdb");

    /// <summary>The seed's document folder.</summary>
    public string Seed => _scratch.File(Path.Combine("out", "seed-huntingdonshire-violence-2016-17-q4"));

    /// <summary>The Newcastle upon Tyne document folder.</summary>
    public string Newcastle => _scratch.File(Path.Combine("out", "northumbria-newcastle-2022"));

    /// <summary>The demo's output.</summary>
    public string Output { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var result = await CsaProcess.RunAsync(_scratch, "demo", "--sample", TestPaths.Sample, "--store", Store, "--out", "out");
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Output = result.Output;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _scratch.Dispose();
}
