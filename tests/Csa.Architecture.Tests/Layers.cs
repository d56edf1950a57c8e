namespace Csa.Architecture.Tests;

/// <summary>The layers as docs/ARCHITECTURE.md draws them: which csa projects each may use. Dependencies point inward;
/// <c>Csa.Cli</c> is the composition root, the one project that knows every layer.</summary>
static class Layers
{
    /// <summary>Each project and the csa projects it may reference, directly or through a <c>using</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Csa.Core"] = [],
        ["Csa.Statistics"] = ["Csa.Core"],
        ["Csa.Storage"] = ["Csa.Core"],
        ["Csa.Storage.Sql"] = ["Csa.Storage", "Csa.Core"],
        ["Csa.Storage.DuckDb"] = ["Csa.Storage.Sql", "Csa.Storage", "Csa.Core"],
        ["Csa.Storage.Postgres"] = ["Csa.Storage.Sql", "Csa.Storage", "Csa.Core"],
        ["Csa.Ingest"] = ["Csa.Core"],
        ["Csa.Analysis"] = ["Csa.Statistics", "Csa.Storage", "Csa.Core"],
        ["Csa.Reporting"] = ["Csa.Analysis", "Csa.Statistics", "Csa.Core"],
        ["Csa.Web"] = ["Csa.Analysis", "Csa.Statistics", "Csa.Storage", "Csa.Storage.Sql", "Csa.Storage.DuckDb", "Csa.Core"],
        ["Csa.Cli"] = ["Csa.Web", "Csa.Reporting", "Csa.Analysis", "Csa.Ingest", "Csa.Statistics", "Csa.Storage.DuckDb", "Csa.Storage.Postgres", "Csa.Storage.Sql", "Csa.Storage", "Csa.Core"],
    };

    /// <summary>The only source files outside a store's own project that may name a store backend, the composition roots:
    /// csa's <c>StoreFactory</c>, and the atlas's own host (<c>Program</c>, as the tests run it). The rest of csa sees only
    /// <c>ICsaStore</c> and <c>IStoreReaders</c>.</summary>
    public static readonly IReadOnlyList<string> MayNameABackend =
    [
        "src/Csa.Cli/StoreFactory.cs",
        "src/Csa.Web/Program.cs",
    ];

    /// <summary>The backends' projects.</summary>
    public static readonly IReadOnlyList<string> Backends = ["Csa.Storage.Sql", "Csa.Storage.DuckDb", "Csa.Storage.Postgres"];

    /// <summary>The src folder.</summary>
    public static string Source => Path.Combine(Csa.Tests.TestPaths.RepositoryRoot, "src");

    /// <summary>Every project under src, by name.</summary>
    public static IEnumerable<string> Projects =>
        Directory.EnumerateDirectories(Source).Select(Path.GetFileName).Where(n => File.Exists(Path.Combine(Source, n!, n + ".csproj")))!;

    /// <summary>A project's own C# files (not obj/ or bin/).</summary>
    public static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(Path.Combine(Source, project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
}
