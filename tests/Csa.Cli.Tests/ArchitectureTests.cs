using System.Reflection;

namespace Csa.Cli.Tests;

/// <summary>Dependencies point inward: Cli → Analysis/Reporting/Ingest/Storage.DuckDb → Storage → Core.</summary>
public class ArchitectureTests
{
    static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Csa.Core"] = [],
        ["Csa.Statistics"] = ["Csa.Core"],
        ["Csa.Storage"] = ["Csa.Core"],
        ["Csa.Storage.DuckDb"] = ["Csa.Storage", "Csa.Core"],
        ["Csa.Ingest"] = ["Csa.Storage", "Csa.Core"],
        ["Csa.Analysis"] = ["Csa.Statistics", "Csa.Storage", "Csa.Core"],
        ["Csa.Reporting"] = ["Csa.Analysis", "Csa.Statistics", "Csa.Storage", "Csa.Core"],
    };

    [Theory]
    [InlineData("Csa.Core")]
    [InlineData("Csa.Statistics")]
    [InlineData("Csa.Storage")]
    [InlineData("Csa.Storage.DuckDb")]
    [InlineData("Csa.Ingest")]
    [InlineData("Csa.Analysis")]
    [InlineData("Csa.Reporting")]
    public void Assembly_ReferencesOnlyTheLayersBelowIt(string name)
    {
        var references = Assembly.Load(name).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Csa.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Subset(Allowed[name].ToHashSet(), references.ToHashSet());
    }

    [Fact]
    public void Core_ReferencesNoPackage()
    {
        var references = Assembly.Load("Csa.Core").GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", name));
    }

    [Fact]
    public void NoSourceFile_ReadsTheSystemClock()
    {
        var source = Path.Combine(Csa.Tests.TestPaths.RepositoryRoot, "src");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("DateTime.Now", StringComparison.Ordinal) || File.ReadAllText(file).Contains("DateTime.UtcNow", StringComparison.Ordinal));

        Assert.Empty(offenders);
    }
}
